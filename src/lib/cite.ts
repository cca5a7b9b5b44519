/**
 * Citations of a report, one of its sections or one paragraph, in GB/T 7714-2015
 * (the Chinese national standard, [EB/OL] with access date), APA 7, BibTeX and
 * CSL-JSON. Pure and browser-safe: the build renders them with the build date and
 * the cite dialog re-renders them in the reader's browser with today's date.
 */

/** Everything a citation needs, already resolved to strings. */
export interface CiteSubject {
  documentId: string;
  /** 威海市2024年政府工作报告 */
  title: string;
  /** Corporate author (威海市人民政府); null when unknown (press coverage). */
  author: string | null;
  /** Place of the author, for GB/T 7714 and CSL (威海). */
  place: string | null;
  year: number | null;
  /** ISO date of delivery, when known. */
  date: string | null;
  /** 政府工作报告, 新闻报道 … */
  genre: string;
  /** The cited section as written (二、2024年政府工作目标任务), or null for the whole report. */
  section: string | null;
  /** The cited paragraph id (s2-3-p4), or null. */
  paragraphId: string | null;
  /** Permanent URL of what is cited (with #fragment for sections and paragraphs). */
  url: string;
  /** Access date, YYYY-MM-DD. */
  accessed: string;
  dataVersion: string;
  siteName: string;
}

export interface Citations {
  gbt7714: string;
  apa: string;
  bibtex: string;
  cslJson: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today's date in the reader's time zone, YYYY-MM-DD. */
export function isoDate(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function dateParts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The part after the title: section and paragraph, as words. */
function locator(s: CiteSubject): string | null {
  const parts: string[] = [];
  if (s.section) parts.push(s.section.replace(/[。，,.;；:：]+$/u, ''));
  if (s.paragraphId) parts.push(`段落 ${s.paragraphId}`);
  return parts.length ? parts.join('，') : null;
}

/** Drop the final full stop of a part so the separators stay single. */
function clean(s: string): string {
  return s.replace(/[。.]+$/u, '');
}

/**
 * GB/T 7714-2015 §8.1 electronic resource:
 * 主要责任者. 题名: 其他题名信息[EB/OL]. (发表或更新日期)[引用日期]. 获取和访问路径.
 */
export function citeGbt7714(s: CiteSubject): string {
  const head = s.author ? `${clean(s.author)}. ` : '';
  const loc = locator(s);
  const title = `${clean(s.title)}${loc ? `: ${loc}` : ''}[EB/OL]`;
  const published = s.date ?? (s.year !== null ? String(s.year) : null);
  const dates = `${published ? `(${published})` : ''}[${s.accessed}]`;
  return `${head}${title}. ${dates}. ${s.url}. ${s.siteName}数据版本 ${s.dataVersion}.`;
}

/** APA 7: Author. (Date). Title [Description]. Site. Retrieved Month D, YYYY, from URL */
export function citeApa(s: CiteSubject): string {
  let when = 'n.d.';
  if (s.date) {
    const [y, m, d] = dateParts(s.date);
    when = `${y}, ${MONTHS[m - 1]} ${d}`;
  } else if (s.year !== null) when = String(s.year);
  const [ay, am, ad] = dateParts(s.accessed);
  const desc = [s.genre, locator(s), `data version ${s.dataVersion}`].filter(Boolean).join('; ');
  const title = `${clean(s.title)} [${desc}]`;
  const lead = s.author ? `${clean(s.author)}. (${when}). ${title}.` : `${title}. (${when}).`;
  return `${lead} ${s.siteName}. Retrieved ${MONTHS[am - 1]} ${ad}, ${ay}, from ${s.url}`;
}

/** BibTeX key: weihai2024, weihai2024:s2-p2. */
export function bibtexKey(s: CiteSubject): string {
  const base = s.documentId.replace(/-(\d{4})(?=$|-)/, '$1').replace(/[^A-Za-z0-9_-]/g, '');
  const frag = s.paragraphId ?? (s.section ? s.url.split('#')[1] : null);
  return frag ? `${base}:${frag.replace(/[^A-Za-z0-9_-]/g, '')}` : base;
}

/** Escape TeX specials in a field value; braces keep Chinese titles and corporate authors as written. */
export function bibtexEscape(v: string): string {
  return v.replace(/\\/g, '\\textbackslash{}').replace(/([{}%&#_$])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

export function citeBibtex(s: CiteSubject): string {
  const fields: [string, string][] = [];
  if (s.author) fields.push(['author', `{${bibtexEscape(s.author)}}`]);
  fields.push(['title', `{${bibtexEscape(s.title)}}`]);
  const loc = locator(s);
  if (loc) fields.push(['note', bibtexEscape(`${loc}；${s.siteName}数据版本 ${s.dataVersion}`)]);
  else fields.push(['note', bibtexEscape(`${s.siteName}数据版本 ${s.dataVersion}`)]);
  if (s.year !== null) fields.push(['year', String(s.year)]);
  if (s.date) fields.push(['date', s.date]);
  if (s.place) fields.push(['address', bibtexEscape(s.place)]);
  fields.push(['type', bibtexEscape(s.genre)]);
  fields.push(['howpublished', `\\url{${s.url}}`]);
  fields.push(['url', s.url]);
  fields.push(['urldate', s.accessed]);
  fields.push(['language', 'chinese']);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@misc{${bibtexKey(s)},\n${body}\n}`;
}

/** CSL-JSON item (an array of one, as citation managers import it). */
export function cslItem(s: CiteSubject): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: s.paragraphId || s.section ? `${s.documentId}#${s.url.split('#')[1] ?? ''}` : s.documentId,
    type: 'report',
    title: clean(s.title),
    genre: s.genre,
    language: 'zh-CN',
    URL: s.url,
    accessed: { 'date-parts': [dateParts(s.accessed)] },
    note: `${s.siteName} data version ${s.dataVersion}`,
  };
  if (s.author) item.author = [{ literal: clean(s.author) }];
  if (s.author) item.publisher = clean(s.author);
  if (s.place) item['publisher-place'] = s.place;
  if (s.date) item.issued = { 'date-parts': [dateParts(s.date)] };
  else if (s.year !== null) item.issued = { 'date-parts': [[s.year]] };
  const loc = locator(s);
  if (loc) item.section = loc;
  return item;
}

export function citeCslJson(s: CiteSubject): string {
  return JSON.stringify([cslItem(s)], null, 2);
}

export function citeAll(s: CiteSubject): Citations {
  return { gbt7714: citeGbt7714(s), apa: citeApa(s), bibtex: citeBibtex(s), cslJson: citeCslJson(s) };
}

/** What "copy quote with citation" puts on the clipboard. */
export function quoteWithCitation(quote: string, s: CiteSubject, fragmentUrl: string): string {
  return `“${quote}”\n——${citeGbt7714(s)}\n${fragmentUrl}`;
}

/**
 * `#pid:~:text=…` for a quote: a short quote whole, a long one (or one that spans
 * paragraphs, given as pieces) as start,end so the URL stays short. The characters
 * that separate a text directive's parts are escaped.
 */
export function textFragment(paragraphId: string, quote: string | readonly string[]): string {
  const enc = (t: string) => encodeURIComponent(t).replace(/-/g, '%2D');
  const pieces = (typeof quote === 'string' ? [quote] : [...quote]).map((q) => q.trim()).filter(Boolean);
  if (!pieces.length) return `#${paragraphId}`;
  const first = [...pieces[0]!];
  const last = [...pieces[pieces.length - 1]!];
  if (pieces.length === 1 && first.length <= 60) return `#${paragraphId}:~:text=${enc(first.join(''))}`;
  return `#${paragraphId}:~:text=${enc(first.slice(0, 20).join(''))},${enc(last.slice(-20).join(''))}`;
}
