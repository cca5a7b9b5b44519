/**
 * Opening a PDF with pdf.js in Node: the legacy build, its worker run on the
 * main thread, and its CMaps and standard fonts as file paths (Node reads them
 * with fs), so that Chinese text in predefined-CMap fonts comes out as text.
 */
import { join } from 'node:path';
import { ConvertError } from './errors.ts';
import { packageDir } from './versions.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let loaded: Promise<PdfJs> | null = null;

/** pdf.js, with its worker's message handler on globalThis so no worker file has to be found at run time. */
export function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** Folders of pdf.js's data, with the trailing slash pdf.js requires. */
export function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const dir = packageDir('pdfjs-dist');
  return {
    cMapUrl: join(dir, 'cmaps') + '/',
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    wasmUrl: join(dir, 'wasm') + '/',
  };
}

export async function openPdf(file: string, bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    ...pdfjsData(),
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ConvertError(file, 'pdf-encrypted',
        'this PDF is password-protected (encrypted), so its text cannot be read. Open it with the password and save or print an unprotected copy.', { cause: error });
    }
    const why = error instanceof Error ? error.message : String(error);
    throw new ConvertError(file, 'pdf-corrupt',
      `this PDF is damaged and cannot be read (${why}). Download it again, or open it in a PDF reader and save a new copy.`, { cause: error });
  }
}
