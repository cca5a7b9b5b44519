/**
 * A cheap test, shipped with the search code, for "this query is probably typed
 * in Traditional characters": common characters that exist only in Traditional
 * script. A hit loads the converter at once; a query that finds nothing as
 * typed is converted too, so this list only needs to catch the usual cases.
 */
const TRADITIONAL_ONLY =
  /[們國會經濟發這為與於過實業產營現際農區縣歲務員體歷個來時對說學開關長進還麼後問當頭動點見書車東門間總華電愛將讓從幾場環數價債稅費險醫療據統計劃勞資權構轉屬領導黨設項環標準計畫軟體網絡質選擇規範認識溝較競爭優層級鄉鎮貿運輸報導觀傳統創協調綠態興辦畫強難龍鐵橋隊廠災飛鳥錢銀]/u;

export function looksTraditional(text: string): boolean {
  return TRADITIONAL_ONLY.test(text);
}

/** True when the text has Han characters at all (only those can differ between the scripts). */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
