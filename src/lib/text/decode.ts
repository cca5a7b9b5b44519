/**
 * Bytes → text. Recognises UTF-8 (with or without BOM), UTF-16 (by BOM or by the
 * pattern of zero bytes), GBK/GB18030, binary data and NUL bytes, and says so in
 * diagnostics that name the file. Never throws.
 */
import type { Diagnostic } from '../schema.ts';

export interface Decoded {
  /** Decoded text, or null when the file cannot be read as text. */
  text: string | null;
  encoding: string;
  diagnostics: Diagnostic[];
}

/** Files larger than this are refused: a report is a few hundred kilobytes. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

function diag(file: string, ruleId: string, severity: Diagnostic['severity'], message: string, line = 0): Diagnostic {
  return { file, line, column: 1, ruleId, severity, message };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of control bytes other than tab, LF, CR, FF: high for binary files. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  return bad / n;
}

/** Share of characters a Chinese text is made of: Han, CJK punctuation, full-width forms, printable ASCII, white space. */
function plausibleShare(text: string): number {
  if (!text) return 0;
  let ok = 0;
  for (const ch of text) if (/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\t\n\r\u00a0-\u00ff]/.test(ch)) ok++;
  return ok / [...text].length;
}

/** UTF-16 without a byte order mark: the decoding that reads as Chinese text wins. */
function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  const le = plausibleShare(new TextDecoder('utf-16le').decode(sample));
  const be = plausibleShare(new TextDecoder('utf-16be').decode(sample));
  if (le >= 0.95 && le >= be) return 'utf-16le';
  if (be >= 0.95) return 'utf-16be';
  return null;
}

function lineOfFirstNul(text: string): number {
  const i = text.indexOf('\u0000');
  return i < 0 ? 0 : text.slice(0, i).split(/\r\n|\r|\n/).length;
}

export function decodeSource(file: string, bytes: Uint8Array): Decoded {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length === 0) {
    diagnostics.push(diag(file, 'empty-file', 'warning', `${file}: the file is empty; no document was made from it.`));
    return { text: '', encoding: 'utf-8', diagnostics };
  }
  if (bytes.length > MAX_SOURCE_BYTES) {
    const mb = (bytes.length / 1048576).toFixed(1);
    diagnostics.push(
      diag(file, 'file-too-large', 'error',
        `${file}: ${mb} MB is larger than the ${MAX_SOURCE_BYTES / 1048576} MB limit for one source; it was not parsed. Split it into one file per report.`, 1),
    );
    return { text: null, encoding: 'unknown', diagnostics };
  }
  // Byte order marks.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(file, bytes.subarray(2), 'utf-16le', diagnostics, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(file, bytes.subarray(2), 'utf-16be', diagnostics, true);
  let encoding = 'utf-8';
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    encoding = 'utf-8-bom';
    diagnostics.push(diag(file, 'bom', 'info', `${file}: starts with a UTF-8 byte order mark; it was removed.`, 1));
  }
  const control = controlShare(body);
  if (control <= 0.1 && isValidUtf8(body)) {
    return { text: stripNul(file, new TextDecoder('utf-8').decode(body), diagnostics), encoding, diagnostics };
  }
  const guess16 = looksUtf16(bytes);
  if (guess16) return utf16(file, bytes, guess16, diagnostics, false);
  if (control > 0.1) {
    diagnostics.push(
      diag(file, 'binary-file', 'error',
        `${file}: this looks like a binary file (${Math.round(control * 100)}% control bytes), not report text; it was not parsed.`, 1),
    );
    return { text: null, encoding: 'binary', diagnostics };
  }
  let text: string;
  let gbk: string | null = null;
  try {
    gbk = new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    gbk = null;
  }
  if (gbk !== null && /[\u4e00-\u9fff]/.test(gbk)) {
    encoding = 'gb18030';
    diagnostics.push(
      diag(file, 'encoding-gbk', 'warning',
        `${file}: the file is GBK/GB18030-encoded, not UTF-8. It was decoded as GB18030 for this build; convert it once with \`iconv -f GB18030 -t UTF-8 "${file}" > utf8.txt\` and replace the file.`, 1),
    );
    text = gbk;
  } else {
    const bad = firstInvalidUtf8Line(body);
    diagnostics.push(
      diag(file, 'encoding-invalid', 'warning',
        `${file}: line ${bad} is not valid UTF-8 (nor GBK); invalid bytes were replaced with U+FFFD. Re-save the file as UTF-8.`, bad),
    );
    text = new TextDecoder('utf-8').decode(body);
  }
  return { text: stripNul(file, text, diagnostics), encoding, diagnostics };
}

function utf16(file: string, bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be', diagnostics: Diagnostic[], bom: boolean): Decoded {
  const text = new TextDecoder(enc).decode(bytes);
  diagnostics.push(
    diag(file, 'encoding-utf16', 'warning',
      `${file}: the file is ${enc.toUpperCase()}${bom ? ' (with byte order mark)' : ''}, not UTF-8. It was decoded for this build; convert it with \`iconv -f ${enc.toUpperCase()} -t UTF-8 "${file}" > utf8.txt\`.`, 1),
  );
  return { text: stripNul(file, text, diagnostics), encoding: enc, diagnostics };
}

function stripNul(file: string, text: string, diagnostics: Diagnostic[]): string {
  if (!text.includes('\u0000')) return text;
  const count = text.split('\u0000').length - 1;
  diagnostics.push(
    diag(file, 'nul-bytes', 'warning',
      `${file}: ${count} NUL byte(s), the first on line ${lineOfFirstNul(text)}; they carry no text and were removed.`, lineOfFirstNul(text)),
  );
  return text.replaceAll('\u0000', '');
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return line;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    i += need + 1;
  }
  return line;
}
