/**
 * Reports as they are published: Word, PDF and saved web pages become the same
 * text the .txt parser reads, with what was removed kept beside it.
 *
 * `convertSource(file, bytes)` reads what the bytes are (not what the name
 * says), refuses a file whose extension lies about its content, and returns
 * null for text, which the caller decodes with decode.ts as before.
 */
import { createHash } from 'node:crypto';
import type { Conversion } from './conversion.ts';
import { convertDocx } from './docx.ts';
import { ConvertError } from './errors.ts';
import { convertHtml } from './html.ts';
import { convertPdf } from './pdf.ts';
import { claimedFormat, FORMAT_NAMES, isEncryptedOffice, sniffFormat, type SniffedFormat } from './sniff.ts';
import type { ConvertedFormat, ConvertedSource } from './types.ts';
import { converterInfo } from './versions.ts';

export { ConvertError } from './errors.ts';
export { claimedFormat, sniffFormat, type ClaimedFormat, type SniffedFormat } from './sniff.ts';
export { removedDiagnostics } from './diagnostics.ts';
export type { ConvertedFormat, ConvertedSource, ConverterInfo, ConvertEvidence, RemovedText, StructureMark } from './types.ts';

/** A published report with pictures is larger than a text file; beyond this it is not one report. */
export const MAX_CONVERT_BYTES = 50 * 1024 * 1024;

const PACKAGES: Record<ConvertedFormat, string> = { docx: 'mammoth', pdf: 'pdfjs-dist', html: 'rehype-parse' };

const EXTENSION_FOR: Partial<Record<SniffedFormat, string>> = { pdf: '.pdf', docx: '.docx', html: '.html' };

function refuseOle(file: string, bytes: Uint8Array): never {
  if (isEncryptedOffice(bytes)) {
    throw new ConvertError(file, 'docx-encrypted',
      'this Word document is password-protected (encrypted), so its text cannot be read. Open it in Word or WPS with the password, remove the protection and save it again as .docx.');
  }
  throw new ConvertError(file, 'doc-legacy',
    'this is an old binary Word .doc (or another OLE file), not a .docx. Open it in Word or WPS and save it as .docx (or as text).');
}

function mismatch(file: string, sniffed: SniffedFormat, claimed: string): never {
  const rename = EXTENSION_FOR[sniffed];
  throw new ConvertError(file, 'extension-mismatch',
    `the name says ${claimed} but the file holds ${FORMAT_NAMES[sniffed]}. ` +
    (rename ? `Rename it to ${rename} if that is what it is, or replace it with the real file.` : 'Replace it with the real file, or rename it to what it holds.'));
}

/** Which converter to run, or null for text; throws ConvertError when name and content disagree. */
export function chooseFormat(file: string, bytes: Uint8Array): ConvertedFormat | null {
  const claimed = claimedFormat(file);
  if (bytes.length === 0) {
    if (claimed === 'text' || claimed === 'other') return null;
    throw new ConvertError(file, 'empty-file', `the file is empty (0 bytes), not a ${claimed.toUpperCase()} file. Download it again.`);
  }
  if (bytes.length > MAX_CONVERT_BYTES) {
    throw new ConvertError(file, 'file-too-large',
      `${(bytes.length / 1048576).toFixed(1)} MB is larger than the ${MAX_CONVERT_BYTES / 1048576} MB limit for one source. Split it into one file per report.`);
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'rtf') {
    throw new ConvertError(file, 'rtf-unsupported',
      'this is an RTF document, which is not read here. Open it in Word or WPS and save it as .docx (or as text).');
  }
  if (sniffed === 'ole' && (claimed === 'docx' || claimed === 'other')) refuseOle(file, bytes);
  if (sniffed === 'zip' && claimed === 'docx') {
    throw new ConvertError(file, 'docx-corrupt',
      'this .docx is a ZIP archive without word/document.xml, so it is not a Word document (or it is damaged). Open it in Word or WPS and save it again as .docx.');
  }
  const named = { pdf: 'a PDF (.pdf)', docx: 'a Word document (.docx)', html: 'a web page (.html)', text: 'a text file', other: 'another kind of file' }[claimed];
  switch (claimed) {
    case 'pdf':
    case 'docx':
      if (sniffed !== claimed) mismatch(file, sniffed, named);
      return claimed;
    case 'html':
      if (sniffed !== 'html') mismatch(file, sniffed, named);
      return 'html';
    case 'text':
      // HTML saved as .txt stays on the text path, as before: the parser keeps its tags in diagnostics.
      if (sniffed === 'text' || sniffed === 'html') return null;
      return mismatch(file, sniffed, named);
    case 'other':
      if (sniffed === 'pdf' || sniffed === 'docx' || sniffed === 'html') return sniffed;
      if (sniffed === 'zip') mismatch(file, sniffed, named);
      return null;
  }
}

const CONVERTERS: Record<ConvertedFormat, (file: string, bytes: Uint8Array) => Conversion | Promise<Conversion>> = {
  docx: convertDocx,
  pdf: convertPdf,
  html: convertHtml,
};

/**
 * Converts a Word, PDF or HTML source to report text; null when the bytes are text
 * (decode them with decodeSource). Throws ConvertError for files that cannot be read.
 */
export async function convertSource(file: string, bytes: Uint8Array): Promise<ConvertedSource | null> {
  const format = chooseFormat(file, bytes);
  if (!format) return null;
  const conversion = await CONVERTERS[format](file, bytes);
  const converted: ConvertedSource = {
    text: conversion.text,
    format,
    converter: converterInfo(PACKAGES[format]),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    removed: conversion.removed,
    evidence: conversion.evidence,
  };
  if (conversion.pages) converted.pages = conversion.pages;
  if (conversion.structure) converted.structure = conversion.structure;
  return converted;
}
