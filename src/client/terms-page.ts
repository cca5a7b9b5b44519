/**
 * The /terms/ page: reads ?q= from the URL, counts the phrase in every report with
 * SearchEngine.termCounts (postings only, no texts), and shows the lines over the years
 * (lines-draw.ts), a table of the reports that use it, a CSV of every report (a Blob made
 * here) and a status line with what was searched and downloaded. Writes ?q= back.
 */
import { phraseTokens } from '../lib/search/index.ts';
import { reportPath, termsPath } from '../data/urls.ts';
import type { LinesSeries } from '../lib/compare/index.ts';
import { SearchEngine, type TermDocCount } from './search-engine.ts';
import { el } from './search-render.ts';
import { legendSvg } from './lines-legend.ts';
import { LEVEL_NAME, perTenThousand, reportCounts, reportSearchUrl, termCsv, termRows, termSeries } from './term-series.ts';

const $ = <T extends Element = HTMLElement>(root: ParentNode, sel: string): T => {
  const e = root.querySelector<T>(sel);
  if (!e) throw new Error(`terms page: ${sel} missing`);
  return e;
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** Rows shown before "显示全部". */
const FIRST_ROWS = 30;

class TermsPage {
  private readonly engine: Promise<SearchEngine>;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly output: HTMLElement;
  private readonly chart: HTMLElement & { chart?: { destroy(): void } };
  private csvUrl: string | null = null;
  private serial = 0;

  constructor(private readonly root: HTMLElement) {
    this.engine = SearchEngine.load();
    this.input = $(root, '#term');
    this.status = $(root, '[data-status]');
    this.output = $(root, '[data-output]');
    this.chart = $(root, '#term-trend');
    $(root, '[data-terms-form]').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run(this.input.value.trim(), true);
    });
    window.addEventListener('popstate', () => this.fromUrl());
    this.fromUrl();
  }

  private fromUrl(): void {
    const q = new URL(location.href).searchParams.get('q')?.trim() ?? '';
    this.input.value = q;
    void this.run(q, false);
  }

  private async run(q: string, push: boolean): Promise<void> {
    const serial = ++this.serial;
    if (push) history.pushState(null, '', termsPath(q || undefined));
    document.title = `${q ? `「${q}」的历年用法` : '词语的历年用法'} · 政府工作报告库`;
    const ph = q ? phraseTokens(q) : null;
    if (!ph) {
      this.show(null);
      this.status.textContent = q ? '请输入要统计的文字（标点和空格之外）。' : '输入一个词语，例如「高质量发展」「新质生产力」，即可统计。';
      return;
    }
    if (ph.length < 2) {
      this.show(null);
      this.status.textContent = '请输入至少两个字的词语：单个字的次数说明不了用法，统计它还要下载大量索引。';
      return;
    }
    if (!ph.exact) {
      this.show(null);
      this.status.textContent = `词语太长（${ph.length} 字）：请输入短一些的词语。`;
      return;
    }
    this.root.setAttribute('aria-busy', 'true');
    this.status.textContent = `正在统计「${q}」…`;
    try {
      const engine = await this.engine;
      const before = engine.bytes;
      const counts = await engine.termCounts(q);
      if (serial !== this.serial) return;
      const reports = reportCounts(counts.docs);
      const shown = counts.converted ?? q;
      const bytes = engine.bytes - before;
      this.root.dataset.bytes = String(bytes);
      this.root.dataset.totalBytes = String(engine.bytes);
      const using = reports.filter((d) => d.occurrences > 0);
      const total = using.reduce((n, d) => n + d.occurrences, 0);
      const paragraphs = using.reduce((n, d) => n + d.entries, 0);
      const coverage = counts.docs.filter((d) => d.doc.kind === 'coverage').length;
      const conv = counts.converted ? `（已按简体「${counts.converted}」统计）` : '';
      const scope = `检索了全部 ${reports.length} 份报告${coverage ? `（另有 ${coverage} 篇新闻报道不计）` : ''}，本次下载索引 ${kb(bytes)}，未下载报告全文。`;
      this.status.textContent = using.length
        ? `「${q}」${conv}在 ${using.length} 份报告的 ${paragraphs} 个段落中出现 ${total} 次。${scope}`
        : `没有报告用到「${q}」${conv}。${scope}`;
      await this.show(using.length ? { q: shown, reports, using } : null);
    } catch (e) {
      console.error(e);
      if (serial === this.serial) this.status.textContent = '搜索索引未能载入，请刷新页面重试。';
    } finally {
      if (serial === this.serial) this.root.removeAttribute('aria-busy');
    }
  }

  private async show(r: { q: string; reports: TermDocCount[]; using: TermDocCount[] } | null): Promise<void> {
    const serial = this.serial;
    this.chart.chart?.destroy();
    this.chart.chart = undefined;
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
    this.csvUrl = null;
    this.output.hidden = !r;
    if (!r) return;
    const series = termSeries(r.q, r.reports);
    $(this.chart, '[data-title]').textContent = series.title;
    $(this.chart, '[data-summary]').textContent = series.summary;
    $(this.chart, '[data-canvas]').setAttribute('aria-label', `图：${series.title}。数字见下方数据表。`);
    const legend = $(this.chart, '[data-legend]');
    legend.replaceChildren(
      ...series.lines.map((l, i) => {
        const li = el('li', { style: `--c: var(--lc-${i % 6})` });
        li.innerHTML = legendSvg(i, false);
        li.append(l.label);
        return li;
      }),
    );
    this.yearTable(series);
    this.reportTable(r.q, r.using);
    this.csvUrl = URL.createObjectURL(new Blob([termCsv(r.q, r.reports, location.origin)], { type: 'text/csv;charset=utf-8' }));
    const a = $<HTMLAnchorElement>(this.root, '[data-csv]');
    a.href = this.csvUrl;
    a.download = `terms-${r.q}.csv`;
    const { drawLines } = await import('./lines-draw.ts');
    // A newer phrase may have been asked for while the chart code loaded: it draws, not this one.
    if (serial !== this.serial) return;
    drawLines(this.chart as Parameters<typeof drawLines>[0], series, { min: 0, pointRadius: series.labels.length > 24 ? 3 : 5 });
  }

  private yearTable(series: LinesSeries): void {
    const rows = series.labels.flatMap((y, j) =>
      series.lines.some((l) => l.values[j] !== null)
        ? [el('tr', {}, el('th', { scope: 'row' }, y), ...series.lines.map((l) => el('td', { 'data-value': String(l.values[j] ?? '') }, l.stated[j] ?? '—')))]
        : [],
    );
    $(this.chart, '[data-years]').replaceChildren(
      el('caption', { class: 'sr-only' }, series.title),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '年份'), ...series.lines.map((l) => el('th', { scope: 'col' }, l.label)))),
      el('tbody', {}, ...rows),
    );
  }

  private reportTable(q: string, using: TermDocCount[]): void {
    const all = $(this.root, '[data-all-rows]') as HTMLButtonElement;
    all.hidden = using.length <= FIRST_ROWS;
    all.textContent = `显示全部 ${using.length} 份报告`;
    all.onclick = () => {
      for (const tr of this.root.querySelectorAll<HTMLElement>('[data-rows] tr[hidden]')) tr.hidden = false;
      all.hidden = true;
    };
    $(this.root, '[data-rows]').replaceChildren(
      ...termRows(using).map((d, i) =>
        el(
          'tr',
          { 'data-doc': d.doc.id, 'data-occurrences': String(d.occurrences), 'data-entries': String(d.entries), ...(i >= FIRST_ROWS ? { hidden: '' } : {}) },
          el('td', {}, el('a', { href: reportPath(d.doc.id) }, d.doc.title)),
          el('td', {}, String(d.doc.year)),
          el('td', { class: 'num' }, el('a', { href: reportSearchUrl(q, d.doc), 'aria-label': `${d.occurrences} 次，在${d.doc.title}中查看所在段落` }, String(d.occurrences))),
          el('td', { class: 'num' }, String(perTenThousand(d.occurrences, d.chars))),
          el('td', { class: 'num' }, String(d.entries)),
          el('td', {}, d.doc.region?.name ?? '—'),
          el('td', {}, LEVEL_NAME[d.doc.region?.level ?? 'unknown']!),
        ),
      ),
    );
  }
}

const root = document.querySelector<HTMLElement>('[data-terms-page]');
if (root) new TermsPage(root);
