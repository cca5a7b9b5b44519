/**
 * What a file holds, read from its first bytes (magic numbers), not from its
 * name: PDF, a Word .docx (a ZIP with word/document.xml), another ZIP, an OLE
 * compound file (an encrypted .docx or a legacy .doc), RTF, an HTML page, or text.
 */

export type SniffedFormat = 'pdf' | 'docx' | 'zip' | 'ole' | 'rtf' | 'html' | 'text';

/** What the file name claims. */
export type ClaimedFormat = 'pdf' | 'docx' | 'html' | 'text' | 'other';

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));

function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string): Uint8Array => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)/i;

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  // A PDF header may follow up to 1024 bytes of junk.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) {
    return indexOfBytes(bytes, encode('word/document.xml')) >= 0 ? 'docx' : 'zip';
  }
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'ole';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (HTML_START.test(ascii(bytes, start, start + 2048))) return 'html';
  return 'text';
}

/** An OLE file holding an encrypted Office package (EncryptionInfo + EncryptedPackage streams), as Word writes a password-protected .docx. */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, utf16le('EncryptedPackage')) >= 0 || indexOfBytes(bytes, utf16le('EncryptionInfo')) >= 0;
}

export function claimedFormat(file: string): ClaimedFormat {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') return 'html';
  if (ext === '' || ext === 'txt' || ext === 'text' || ext === 'md') return 'text';
  return 'other';
}

/** How a sniffed format is named to a person. */
export const FORMAT_NAMES: Record<SniffedFormat, string> = {
  pdf: 'a PDF',
  docx: 'a Word .docx document',
  zip: 'a ZIP archive that is not a Word document',
  ole: 'an OLE compound file (an encrypted Office document or a legacy .doc)',
  rtf: 'an RTF document',
  html: 'an HTML page',
  text: 'plain text',
};
