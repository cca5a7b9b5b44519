/**
 * A PDF → the report's text, through pdf.js: text items grouped into lines in
 * reading order, running headers, footers and page numbers moved out with their
 * page, lines re-joined into paragraphs across line and page breaks, and the
 * page every paragraph starts on kept (so a paragraph can cite 第3页).
 */
import { TextBuilder } from './builder.ts';
import type { Conversion } from './conversion.ts';
import type { ConvertEvidence } from './types.ts';
import { ConvertError } from './errors.ts';
import { openPdf } from './pdf-load.ts';
import { pageLines, type PdfItem, type PdfLine } from './pdf-lines.ts';
import { paragraphs } from './pdf-paragraphs.ts';
import { RUNNING_MESSAGES, runningFurniture, type PdfPageLines } from './pdf-running.ts';

/** The document's own title (when it is Chinese, not "Microsoft Word - …" or about:blank) and creation date. */
function infoEvidence(info: unknown): ConvertEvidence {
  const { Title: title, CreationDate: created } = (info ?? {}) as { Title?: unknown; CreationDate?: unknown };
  const evidence: ConvertEvidence = {};
  if (typeof title === 'string' && /[\u4e00-\u9fff]/.test(title)) evidence.title = title.trim();
  const date = typeof created === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(created) : null;
  if (date) evidence.date = `${date[1]}-${date[2]}-${date[3]}`;
  return evidence;
}

async function readPages(file: string, bytes: Uint8Array): Promise<{ pages: PdfPageLines[]; evidence: ConvertEvidence }> {
  const doc = await openPdf(file, bytes);
  try {
    const evidence = infoEvidence((await doc.getMetadata().catch(() => null))?.info);
    const pages: PdfPageLines[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , , top = 0] = page.view;
      const [, y0 = 0] = page.view;
      const content = await page.getTextContent();
      const items = content.items.filter((it): it is PdfItem & typeof it => 'str' in it);
      pages.push({ page: n, height: top - y0, lines: pageLines(n, items, top) });
      page.cleanup();
    }
    return { pages, evidence };
  } finally {
    // pdf.js 6 has no PDFDocumentProxy.destroy(): the loading task owns the document and its worker.
    await doc.loadingTask.destroy();
  }
}

export async function convertPdf(file: string, bytes: Uint8Array): Promise<Conversion> {
  const { pages, evidence } = await readPages(file, bytes);
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s+/g, '').length, 0), 0);
  if (chars === 0) {
    throw new ConvertError(file, 'pdf-no-text-layer',
      `this PDF has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images: a scan); run OCR on it first and add the text as a .txt file.`);
  }
  const furniture = runningFurniture(pages);
  if (pages.every((p) => p.lines.every((l) => furniture.has(l)))) {
    throw new ConvertError(file, 'pdf-no-text-layer',
      `this PDF has no text layer but page numbers or running headers (${pages.length} page${pages.length === 1 ? '' : 's'} of images: a scan); run OCR on it first and add the text as a .txt file.`);
  }
  const out = new TextBuilder();
  const body: PdfLine[] = [];
  // What is removed keeps its place in reading order: before the first paragraph that starts after it.
  const pending: { index: number; drop: () => void }[] = [];
  for (const p of pages) {
    if (p.lines.every((l) => furniture.has(l))) {
      pending.push({ index: body.length, drop: () => out.remove('pdf-page-without-text', `page ${p.page} has no text layer (a scanned page or a picture); its content is missing from the text`, '', p.page) });
    }
    for (const line of p.lines) {
      const rule = furniture.get(line);
      if (rule) pending.push({ index: body.length, drop: () => out.remove(rule, RUNNING_MESSAGES[rule], line.text, line.page) });
      else body.push(line);
    }
  }
  let next = 0;
  for (const para of paragraphs(body)) {
    while (next < pending.length && pending[next]!.index <= para.first) pending[next++]!.drop();
    out.line(para.text, para.page);
  }
  while (next < pending.length) pending[next++]!.drop();
  const { text, removed } = out.finish();
  return { text, removed, evidence, pages: out.pages };
}
