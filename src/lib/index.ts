/** The parser's public API. */
export * from './schema.ts';
export { parseSources, parseSourcesWithTrees, parseText, PARSER_VERSION, type SourceInput } from './parse.ts';
export { INDICATORS, indicator, findIndicators, type Indicator } from './indicators.ts';
export { bestMatch, foldWithMap } from './quote-match.ts';
export { foldForMatch, stripSpace } from './text.ts';
export { checkConservation, type ConservationReport } from './conservation.ts';
export { toSimplified } from './chinese.ts';
