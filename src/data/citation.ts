/** The citation subject of a document page (the script narrows it to a section or paragraph). */
import type { CiteSubject } from '../lib/cite/index.ts';
import type { ReportDocument } from '../lib/index.ts';
import { KIND_LABEL, citeAuthor } from './format.ts';
import { SITE_NAME } from './site.ts';
import { absoluteUrl, reportPath } from './urls.ts';

export function documentSubject(doc: ReportDocument, opts: { site: URL | string | undefined; dataVersion: string; accessed: string }): CiteSubject {
  return {
    documentId: doc.id,
    title: doc.title,
    author: citeAuthor(doc),
    place: doc.region?.shortName ?? null,
    year: doc.year,
    date: doc.date,
    genre: KIND_LABEL[doc.kind],
    section: null,
    paragraphId: null,
    url: absoluteUrl(reportPath(doc.id), opts.site),
    accessed: opts.accessed,
    dataVersion: opts.dataVersion,
    siteName: SITE_NAME,
  };
}
