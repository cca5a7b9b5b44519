/**
 * CSV for downloads, through the maintained `papaparse`: RFC 4180 quoting, CRLF
 * line ends, and a UTF-8 byte order mark so Excel opens Chinese text correctly.
 */
import Papa from 'papaparse';

export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: (keyof T & string)[]): string {
  const body = Papa.unparse(
    { fields: columns, data: rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : r[c]))) },
    { newline: '\r\n', quotes: false },
  );
  return `\ufeff${body}\r\n`;
}

export function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}
