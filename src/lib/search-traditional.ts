/**
 * Traditional → Simplified for search queries (journalists in Hong Kong and
 * Taiwan type Traditional characters), through the maintained opencc-js.
 *
 * Only the dictionaries this needs are imported (Hong Kong and Taiwan variants,
 * then Traditional → Simplified phrases and characters: about 30 KB gzipped),
 * not opencc-js's full bundle. The browser loads this module only when a query
 * looks Traditional or finds nothing as typed.
 */
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

let converter: ((s: string) => string) | null = null;

/** 經濟發展 → 经济发展; Simplified text comes back unchanged (apart from rare one-way variants). */
export function traditionalToSimplified(text: string): string {
  converter ??= ConverterFactory(
    [HKVariantsRevPhrases, HKVariantsRev, TWVariantsRevPhrases, TWVariantsRev],
    [TSPhrases, TSCharacters],
  );
  return converter(text);
}
