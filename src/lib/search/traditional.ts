/**
 * Traditional → Simplified for search queries (journalists in Hong Kong and
 * Taiwan type Traditional characters), through the maintained opencc-js.
 *
 * Only the dictionaries this needs are imported (Hong Kong and Taiwan variant
 * characters, then Traditional → Simplified phrases and characters: about 40 KB,
 * 20 KB gzipped), not opencc-js's full bundle (1.2 MB). The variant phrase lists
 * are left out: they protect idioms in conversions towards Traditional script
 * and change nothing a search for Simplified text could find. The browser loads this module only when a query
 * looks Traditional or finds nothing as typed.
 */
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

let converter: ((s: string) => string) | null = null;

/** 經濟發展 → 经济发展; Simplified text comes back unchanged (apart from rare one-way variants). */
export function traditionalToSimplified(text: string): string {
  converter ??= ConverterFactory(
    [HKVariantsRev, TWVariantsRev],
    [TSPhrases, TSCharacters],
  );
  return converter(text);
}
