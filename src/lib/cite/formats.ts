/**
 * Citations of a report, one of its sections or one paragraph, in GB/T 7714-2015
 * (the Chinese national standard, [EB/OL] with access date), APA 7, BibTeX and
 * CSL-JSON. Pure and browser-safe: the build renders them with the build date and
 * the cite dialog re-renders them in the reader's browser with today's date.
 */

/** Everything a citation needs, already resolved to strings. */
export interface CiteSubject {
  documentId: string;
  /** 威海市2024年政府工作报告 */
  title: string;
  /** Corporate author (威海市人民政府); null when unknown (press coverage). */
  author: string | null;
  /** Place of the author, for GB/T 7714 and CSL (威海). */
  place: string | null;
  year: number | null;
  /** ISO date of delivery, when known. */
  date: string | null;
  /** 政府工作报告, 新闻报道 … */
  genre: string;
  /** The cited section as written (二、2024年政府工作目标任务), or null for the whole report. */
  section: string | null;
  /** The cited paragraph id (s2-3-p4), or null. */
  paragraphId: string | null;
  /** Permanent URL of what is cited (with #fragment for sections and paragraphs). */
  url: string;
  /** Access date, YYYY-MM-DD. */
  accessed: string;
  dataVersion: string;
  siteName: string;
}

export interface Citations {
  gbt7714: string;
  apa: string;
  bibtex: string;
  cslJson: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today's date in the reader's time zone, YYYY-MM-DD. */
export function isoDate(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function dateParts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The part after the title: section and paragraph, as words. */
function locator(s: CiteSubject): string | null {
  const parts: string[] = [];
  if (s.section) parts.push(s.section.replace(/[。，,.;；:：]+$/u, ''));
  if (s.paragraphId) parts.push(`段落 ${s.paragraphId}`);
  return parts.length ? parts.join('，') : null;
}

/** Drop the final full stop of a part so the separators stay single. */
function clean(s: string): string {
  return s.replace(/[。.]+$/u, '');
}

/**
 * GB/T 7714-2015 §8.1 electronic resource:
 * 主要责任者. 题名: 其他题名信息[EB/OL]. (发表或更新日期)[引用日期]. 获取和访问路径.
 */
export function citeGbt7714(s: CiteSubject): string {
  const head = s.author ? `${clean(s.author)}. ` : '';
  const loc = locator(s);
  const title = `${clean(s.title)}${loc ? `: ${loc}` : ''}[EB/OL]`;
  const published = s.date ?? (s.year !== null ? String(s.year) : null);
  const dates = `${published ? `(${published})` : ''}[${s.accessed}]`;
  return `${head}${title}. ${dates}. ${s.url}. ${s.siteName}数据版本 ${s.dataVersion}.`;
}

/** APA 7: Author. (Date). Title [Description]. Site. Retrieved Month D, YYYY, from URL */
export function citeApa(s: CiteSubject): string {
  let when = 'n.d.';
  if (s.date) {
    const [y, m, d] = dateParts(s.date);
    when = `${y}, ${MONTHS[m - 1]} ${d}`;
  } else if (s.year !== null) when = String(s.year);
  const [ay, am, ad] = dateParts(s.accessed);
  const desc = [s.genre, locator(s), `data version ${s.dataVersion}`].filter(Boolean).join('; ');
  const title = `${clean(s.title)} [${desc}]`;
  const lead = s.author ? `${clean(s.author)}. (${when}). ${title}.` : `${title}. (${when}).`;
  return `${lead} ${s.siteName}. Retrieved ${MONTHS[am - 1]} ${ad}, ${ay}, from ${s.url}`;
}

/** BibTeX key: weihai2024, weihai2024:s2-p2. */
export function bibtexKey(s: CiteSubject): string {
  const base = s.documentId.replace(/-(\d{4})(?=$|-)/, '$1').replace(/[^A-Za-z0-9_-]/g, '');
  const frag = s.paragraphId ?? (s.section ? s.url.split('#')[1] : null);
  return frag ? `${base}:${frag.replace(/[^A-Za-z0-9_-]/g, '')}` : base;
}

/** Escape TeX specials in a field value; braces keep Chinese titles and corporate authors as written. */
export function bibtexEscape(v: string): string {
  return v.replace(/\\/g, '\\textbackslash{}').replace(/([{}%&#_$])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

export function citeBibtex(s: CiteSubject): string {
  const fields: [string, string][] = [];
  if (s.author) fields.push(['author', `{${bibtexEscape(s.author)}}`]);
  fields.push(['title', `{${bibtexEscape(s.title)}}`]);
  const loc = locator(s);
  if (loc) fields.push(['note', bibtexEscape(`${loc}；${s.siteName}数据版本 ${s.dataVersion}`)]);
  else fields.push(['note', bibtexEscape(`${s.siteName}数据版本 ${s.dataVersion}`)]);
  if (s.year !== null) fields.push(['year', String(s.year)]);
  if (s.date) fields.push(['date', s.date]);
  if (s.place) fields.push(['address', bibtexEscape(s.place)]);
  fields.push(['type', bibtexEscape(s.genre)]);
  fields.push(['howpublished', `\\url{${s.url}}`]);
  fields.push(['url', s.url]);
  fields.push(['urldate', s.accessed]);
  fields.push(['language', 'chinese']);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@misc{${bibtexKey(s)},\n${body}\n}`;
}

/** CSL-JSON item (an array of one, as citation managers import it). */
export function cslItem(s: CiteSubject): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: s.paragraphId || s.section ? `${s.documentId}#${s.url.split('#')[1] ?? ''}` : s.documentId,
    type: 'report',
    title: clean(s.title),
    genre: s.genre,
    language: 'zh-CN',
    URL: s.url,
    accessed: { 'date-parts': [dateParts(s.accessed)] },
    note: `${s.siteName} data version ${s.dataVersion}`,
  };
  if (s.author) item.author = [{ literal: clean(s.author) }];
  if (s.author) item.publisher = clean(s.author);
  if (s.place) item['publisher-place'] = s.place;
  if (s.date) item.issued = { 'date-parts': [dateParts(s.date)] };
  else if (s.year !== null) item.issued = { 'date-parts': [[s.year]] };
  const loc = locator(s);
  if (loc) item.section = loc;
  return item;
}

export function citeCslJson(s: CiteSubject): string {
  return JSON.stringify([cslItem(s)], null, 2);
}

export function citeAll(s: CiteSubject): Citations {
  return { gbt7714: citeGbt7714(s), apa: citeApa(s), bibtex: citeBibtex(s), cslJson: citeCslJson(s) };
}

/** What "copy quote with citation" puts on the clipboard. */
export function quoteWithCitation(quote: string, s: CiteSubject, fragmentUrl: string): string {
  return `“${quote}”\n——${citeGbt7714(s)}\n${fragmentUrl}`;
}

/** A text directive (`prefix-,start,end,-suffix`) of a URL text fragment. */
export interface TextDirective {
  prefix?: string;
  start: string;
  end?: string;
  suffix?: string;
}

/** Where words begin and end in `text` (ICU word segmentation, as browsers use to match text fragments). */
export function wordBoundaries(text: string): number[] {
  const b = new Set<number>([0, text.length]);
  for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) {
    b.add(s.index);
    b.add(s.index + s.segment.length);
  }
  return [...b].sort((x, y) => x - y);
}

/** The selected part of one paragraph: its whole text and the selection's offsets in it. */
export interface SelectedPart {
  text: string;
  from: number;
  to: number;
}

/**
 * The text directive for a selection. Browsers match a fragment only at word
 * boundaries, and Chinese has no spaces, so a selection that starts or ends inside
 * a word gets the rest of that word as `prefix-`/`-suffix` context: the browser
 * then highlights exactly the selected characters. Long selections (over 60
 * characters, or across paragraphs) become `start,end` with both cut at word
 * boundaries, so the URL stays short. With `isUnique` (does this text occur once
 * on the page?), the context grows until the browser cannot land on an earlier
 * occurrence of the same words.
 */
export function textDirective(parts: readonly SelectedPart[], isUnique?: (text: string) => boolean): TextDirective {
  const out = baseDirective(parts);
  if (!isUnique) return out;
  // A browser highlights the first match on the page: widen the context, a word at a time
  // (before, then after), until the words with their context occur only once.
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const b1 = wordBoundaries(first.text);
  const b2 = last === first ? b1 : wordBoundaries(last.text);
  let p0 = first.from - (out.prefix?.length ?? 0);
  let s1 = last.to + (out.suffix?.length ?? 0);
  const whole = parts.length === 1 && out.end === undefined;
  const key = () => (whole ? first.text.slice(p0, s1) : first.text.slice(p0, first.from) + out.start);
  while (!isUnique(key())) {
    const before = b1.filter((b) => b < p0).pop();
    if (before !== undefined) p0 = before;
    else {
      const after = whole ? b2.find((b) => b > s1) : undefined;
      if (after === undefined) break;
      s1 = after;
    }
  }
  const prefix = first.text.slice(p0, first.from);
  const suffix = last.text.slice(last.to, s1);
  return { ...(prefix ? { prefix } : {}), start: out.start, ...(out.end !== undefined ? { end: out.end } : {}), ...(suffix ? { suffix } : {}) };
}

function baseDirective(parts: readonly SelectedPart[]): TextDirective {
  if (!parts.length) throw new Error('textDirective: nothing selected');
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const b1 = wordBoundaries(first.text);
  const b2 = last === first ? b1 : wordBoundaries(last.text);
  const out: TextDirective = { start: '' };
  if (!b1.includes(first.from)) out.prefix = first.text.slice(b1.filter((b) => b < first.from).pop() ?? 0, first.from);
  if (!b2.includes(last.to)) out.suffix = last.text.slice(last.to, b2.find((b) => b > last.to) ?? last.text.length);
  const single = parts.length === 1;
  if (single && first.to - first.from <= 60) {
    out.start = first.text.slice(first.from, first.to);
    return out;
  }
  const startEnd = single
    ? (b1.find((b) => b >= first.from + 20) ?? first.to)
    : (b1.find((b) => b >= Math.min(first.from + 20, first.text.length)) ?? first.text.length);
  const endStart = b2.filter((b) => b <= last.to - 20).pop() ?? 0;
  if (single && endStart <= startEnd) {
    out.start = first.text.slice(first.from, first.to);
    return out;
  }
  out.start = first.text.slice(first.from, single ? Math.min(startEnd, first.to) : startEnd);
  out.end = last.text.slice(endStart, last.to);
  return out;
}

/** `#pid:~:text=…`, with the characters that separate a directive's parts escaped. */
export function textFragment(paragraphId: string, d: TextDirective | string): string {
  const directive = typeof d === 'string' ? { start: d } : d;
  const enc = (t: string) => encodeURIComponent(t).replace(/-/g, '%2D');
  if (!directive.start.trim()) return `#${paragraphId}`;
  const terms = [
    ...(directive.prefix ? [`${enc(directive.prefix)}-`] : []),
    enc(directive.start),
    ...(directive.end ? [enc(directive.end)] : []),
    ...(directive.suffix ? [`-${enc(directive.suffix)}`] : []),
  ];
  return `#${paragraphId}:~:text=${terms.join(',')}`;
}
