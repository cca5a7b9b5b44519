/**
 * Bytes of a saved web page → text, in the charset the page declares:
 * a byte order mark, else <meta charset> or <meta http-equiv content="…charset=…">
 * in the first kilobytes, else UTF-8 when the bytes are valid UTF-8, else GB18030
 * (the superset of GBK and GB2312 that Chinese portals use).
 */

export interface DecodedPage {
  text: string;
  /** The charset used, as a WHATWG encoding label. */
  charset: string;
  /** Where the charset came from. */
  via: 'bom' | 'meta' | 'utf-8-valid' | 'fallback';
  /** The label the page declared, when it declared one. */
  declared?: string;
}

/** GB2312 and GBK pages often hold GBK-only or GB18030 characters; decode them all as GB18030. */
const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', 'gb_2312-80': 'gb18030', cp936: 'gb18030' };

export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 4096)));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

function labelOk(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', via: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le', via: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be', via: 'bom' };
  const declared = declaredCharset(bytes);
  if (declared) {
    const label = ALIASES[declared] ?? declared;
    if (labelOk(label)) return { text: new TextDecoder(label).decode(bytes), charset: label, via: 'meta', declared };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return declared ? { text, charset: 'utf-8', via: 'utf-8-valid', declared } : { text, charset: 'utf-8', via: 'utf-8-valid' };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    return declared ? { text, charset: 'gb18030', via: 'fallback', declared } : { text, charset: 'gb18030', via: 'fallback' };
  }
}
