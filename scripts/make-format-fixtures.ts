/**
 * Regenerates tests/fixtures/formats/: Word, PDF and web-page versions of report
 * excerpts from seeds/, and the bad files (encrypted, damaged, lying about their
 * extension, a scan without text) the converters must refuse clearly.
 *
 *   node --experimental-strip-types --no-warnings scripts/make-format-fixtures.ts
 *
 * PDFs are printed by headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH);
 * the encrypted PDF needs qpdf (`apt-get install -y qpdf`) and is left as it is
 * when qpdf is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { encryptedOfficeFile } from './format-fixtures/cfb.ts';
import { gbkCmapPdf } from './format-fixtures/cmap-pdf.ts';
import { docx, type DocxBlock } from './format-fixtures/docx.ts';
import { encodeGbk } from './format-fixtures/gbk.ts';
import { firstOfManyPage, listPage, modernPage, tablePage } from './format-fixtures/portal.ts';
import { imageOnlyHtml, printPdf, reportHtml, screenshot, withBrowser, withPicturePage } from './format-fixtures/print.ts';

const ROOT = join(import.meta.dirname, '..');
export const FORMATS_DIR = join(ROOT, 'tests/fixtures/formats');

/** Non-empty lines of a seed, from line `from` (0-based), `count` of them. */
function seedLines(name: string, from: number, count: number): string[] {
  const text = readFileSync(join(ROOT, 'seeds', name), 'utf8');
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(from, from + count);
}

const WEIHAI = '000_fe6c1bb2e7835634.txt';
const SECOND = '002_f9b1766ae33f6aa2.txt';

function write(name: string, bytes: Uint8Array | string): void {
  writeFileSync(join(FORMATS_DIR, name), bytes);
  console.log(`${name}\t${typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length} bytes`);
}

function weihaiDocx(): Uint8Array {
  const [salute, opening, heading1, review] = seedLines(WEIHAI, 0, 4);
  const bullets = seedLines(WEIHAI, 4, 3);
  const [heading2, intro, targets] = seedLines(WEIHAI, 17, 3);
  const blocks: DocxBlock[] = [
    { p: ['2024年威海市政府工作报告'], style: 'a5' },
    { p: [salute!] },
    { p: [opening!] },
    { p: [heading1!], style: '1' },
    { p: [review!.slice(0, 60), { footnote: '“精致城市·幸福威海”：威海市确定的城市发展定位。' }, review!.slice(60)] },
    ...bullets.map((b): DocxBlock => ({ p: [b.replace(/^——/, '')], list: { numId: 2, level: 0 } })),
    { p: [heading2!], style: '1' },
    { p: [intro!] },
    { p: ['（一）主要预期目标'], style: '2' },
    { p: [targets!, { footnote: '居民消费价格：即CPI，反映居民家庭购买消费品和服务项目价格水平的变动。' }] },
    { table: [['指标', '2024年预期目标'], ['生产总值增长', '5.5%左右'], ['一般公共预算收入增长', '5%左右'], ['城镇新增就业', '3.3万人']] },
    { p: ['为实现上述目标，重点做好以下工作：'] },
    { p: ['扩大有效投资，实施项目建设提速行动。'], list: { numId: 1, level: 0 } },
    { p: ['提振消费信心，实施消费扩容提质行动。'], list: { numId: 1, level: 0 } },
  ];
  return docx(blocks);
}

async function pdfs(): Promise<void> {
  const title = '2024年威海市政府工作报告';
  const weihai = seedLines(WEIHAI, 0, 26);
  const second = seedLines(SECOND, 0, 40);
  const headings = second.map((l, i) => (/^[一二三四五六七八九十]+、/.test(l) ? i : -1)).filter((i) => i >= 0);
  await withBrowser(async (browser) => {
    // A report with a running header (its title) and page numbers "— N —" in the footer.
    // Few enough distinct characters that Chromium subsets the font (past about a thousand it embeds all 16 MB of it).
    const parts = [{ paragraphs: weihai.slice(0, 2) }, { heading: weihai[2]!, paragraphs: weihai.slice(3, 9) }, { heading: weihai[16]!, paragraphs: weihai.slice(17, 20) }];
    write('weihai-2024.pdf', await printPdf(browser, reportHtml(title, '——2024年1月在威海市第十八届人民代表大会第三次会议上', parts), {
      header: `<div style="font-size:9px;width:100%;text-align:center;color:#444;font-family:'WenQuanYi Zen Hei','Noto Sans CJK SC'">${title}</div>`,
      footer: '<div style="font-size:10px;width:100%;text-align:center;font-family:\'WenQuanYi Zen Hei\',\'Noto Sans CJK SC\'">— <span class="pageNumber"></span> —</div>',
    }));
    // Each part on a new page (CSS break-before), "第 N 页 共 M 页" in the footer, no header.
    const cut = headings.slice(0, 3);
    const broken = cut.map((start, k) => ({
      heading: second[start]!,
      paragraphs: second.slice(start + 1, Math.min(cut[k + 1] ?? start + 6, start + 6)),
      newPage: k > 0,
    }));
    write('page-breaks.pdf', await printPdf(browser, reportHtml('政府工作报告', null, [{ paragraphs: second.slice(0, headings[0] ?? 2) }, ...broken]), {
      footer: '<div style="font-size:10px;width:100%;text-align:center;font-family:\'WenQuanYi Zen Hei\',\'Noto Sans CJK SC\'">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>',
    }));
    // A scan: pictures of printed pages, no text layer but the page numbers the printer added.
    const png = await screenshot(browser, reportHtml(title, null, [{ paragraphs: weihai.slice(0, 3) }]));
    const pageNumbers = { footer: '<div style="font-size:10px;width:100%;text-align:center;font-family:\'WenQuanYi Zen Hei\',\'Noto Sans CJK SC\'">— <span class="pageNumber"></span> —</div>' };
    write('scan.pdf', await printPdf(browser, imageOnlyHtml([png, png]), pageNumbers));
    // Text on page 1, a scanned picture on page 2.
    write('mixed-scan.pdf', await printPdf(browser, withPicturePage(reportHtml(title, null, [{ paragraphs: weihai.slice(0, 3) }]), png), pageNumbers));
  });
}

function encryptPdf(): void {
  const out = join(FORMATS_DIR, 'encrypted.pdf');
  try {
    execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', '--pages', join(FORMATS_DIR, 'weihai-2024.pdf'), '1', '--', join(FORMATS_DIR, 'weihai-2024.pdf'), out]);
    console.log(`encrypted.pdf\t${readFileSync(out).length} bytes (qpdf, AES-256, user password "user-secret")`);
  } catch (error) {
    console.warn(`encrypted.pdf not regenerated: qpdf failed or is missing (apt-get install -y qpdf): ${(error as Error).message}`);
  }
}

function htmlPages(): void {
  const weihai = seedLines(WEIHAI, 0, 12);
  const article = { site: '威海', title: '2024年威海市政府工作报告', subtitle: '——2024年1月在威海市第十八届人民代表大会第三次会议上', date: '2024-02-02 09:45', source: '威海日报' };
  write('portal-utf8.html', modernPage({ ...article, paragraphs: weihai }));
  const second = seedLines(SECOND, 0, 9);
  write('portal-gbk.html', encodeGbk(tablePage({ site: '示例', title: '2024年政府工作报告', date: '2024年01月29日', source: '市政府办公室', paragraphs: second })));
  write('multipage.html', firstOfManyPage({ ...article, paragraphs: seedLines(WEIHAI, 17, 6) }, 3));
  write('no-report.html', listPage('威海', [
    '2024年威海市政府工作报告', '2023年威海市政府工作报告', '2022年威海市政府工作报告', '2021年威海市政府工作报告',
    '威海市2023年国民经济和社会发展统计公报', '关于威海市2023年预算执行情况的报告', '市政府常务会议研究部署近期重点工作',
    '图解：2024年政府工作报告', '政府工作报告中的民生实事进展情况', '2024年市政府工作报告重点任务分解',
  ]));
}

async function main(): Promise<void> {
  rmSync(FORMATS_DIR, { recursive: true, force: true });
  mkdirSync(FORMATS_DIR, { recursive: true });
  const word = weihaiDocx();
  write('weihai-2024.docx', word);
  write('corrupt.docx', word.subarray(0, Math.floor(word.length / 2)));
  write('encrypted.docx', encryptedOfficeFile());
  write('really-text.docx', `${seedLines(WEIHAI, 0, 3).join('\n')}\n`);
  write('really-zip.pdf', word);
  htmlPages();
  write('gbk-cmap.pdf', gbkCmapPdf(seedLines(WEIHAI, 0, 6)));
  await pdfs();
  if (existsSync(join(FORMATS_DIR, 'weihai-2024.pdf'))) encryptPdf();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
