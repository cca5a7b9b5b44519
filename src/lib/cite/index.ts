/**
 * Citations and exports: GB/T 7714-2015, APA, BibTeX and CSL-JSON for a report, section or
 * paragraph; text fragments; CITATION.cff; Markdown of a document.
 * Browser-safe: `formats.ts` (the cite dialog and quote copy import it); the rest runs at build time.
 */
export {
  citeAll, isoDate, quoteWithCitation, textDirective, textFragment,
  type Citations, type CiteSubject, type SelectedPart,
} from './formats.ts';
export { citationCff } from './cff.ts';
