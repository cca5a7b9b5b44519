/**
 * A PDF written the way older Chinese office software writes one: a Type0 font
 * that is not embedded (SimSun), text coded in GBK through the predefined CMap
 * GBK-EUC-H (Adobe-GB1). pdf.js can turn such text into Unicode only with its
 * CMap files (cMapUrl), which is what this fixture proves. Lines are laid out
 * here: paragraphs indented two characters, wrapped at the right margin, pages
 * numbered "- N -" in Helvetica at the foot.
 */
import { encodeGbk } from './gbk.ts';

const SIZE = 16;
const LEFT = 72;
const PER_LINE = 28;
const TOP = 770;
const LEADING = 26;
const PER_PAGE = 20;

const hex = (s: string): string => Buffer.from(encodeGbk(s)).toString('hex').toUpperCase();

/** Lines of the paragraphs: [text, indented]. */
function wrap(paragraphs: string[]): [string, boolean][] {
  const out: [string, boolean][] = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length) {
      out.push([chars.splice(0, first ? PER_LINE - 2 : PER_LINE).join(''), first]);
      first = false;
    }
  }
  return out;
}

export function gbkCmapPdf(paragraphs: string[]): Uint8Array {
  const lines = wrap(paragraphs);
  const pages: [string, boolean][][] = [];
  for (let i = 0; i < lines.length; i += PER_PAGE) pages.push(lines.slice(i, i + PER_PAGE));
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /GBK-EUC-H /DescendantFonts [4 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>');
  add('<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>');
  const helvetica = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  pages.forEach((page, n) => {
    const text = page.map(([line, indent], i) => `BT /F1 ${SIZE} Tf ${LEFT + (indent ? 2 * SIZE : 0)} ${TOP - i * LEADING} Td <${hex(line)}> Tj ET`).join('\n');
    const stream = `${text}\nBT /F2 10 Tf 285 40 Td (- ${n + 1} -) Tj ET`;
    const contents = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R /F2 ${helvetica} 0 R >> >> /Contents ${contents} 0 R >>`));
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
