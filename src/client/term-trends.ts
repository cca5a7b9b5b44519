/**
 * <term-trends>: the terms page's one element. For the phrase in ?q=, it asks the search index
 * the site already has (the same Pagefind bigram index and table the search page loads; no report
 * text is downloaded) where the phrase occurs, counts the uses per report, and shows them by year
 * and level of government: a chart (Chart.js, loaded with the lines-chart drawing module), its
 * table, each report's count, and a CSV made in the browser. Every element is built with DOM
 * calls, so the phrase is never parsed as HTML.
 */
import { SearchEngine } from './search-engine.ts';
import { LEVEL_WORDS, termCsv, termSeries, termTrend, type TermDoc, type TermTrend } from '../lib/trends/index.ts';
import type { LinesSeries } from '../lib/compare/index.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';
const DASH = ['', '6 4', '2 3', '8 3 2 3', '1 2', '10 4'];
const SHAPE = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot'];

/** A legend marker: the line's dash and its point shape, as lines-draw.ts draws them. */
function marker(i: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 28 14');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '14');
  const line = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: '1', y1: '7', x2: '27', y2: '7', 'stroke-dasharray': DASH[i % 6]! })) line.setAttribute(k, v);
  svg.append(line);
  const shape = SHAPE[i % 6];
  const p = document.createElementNS(SVG, shape === 'circle' ? 'circle' : 'polygon');
  if (shape === 'circle') for (const [k, v] of Object.entries({ cx: '14', cy: '7', r: '4.5', class: 'hollow' })) p.setAttribute(k, v);
  else p.setAttribute('points', shape === 'triangle' ? '14,2 19,11 9,11' : shape === 'rect' ? '10,3 18,3 18,11 10,11' : '14,1.5 19.5,7 14,12.5 8.5,7');
  svg.append(p);
  return svg;
}

function chart(series: LinesSeries): HTMLElement {
  const json = el('script', { type: 'application/json' });
  json.textContent = JSON.stringify(series);
  const legend = el('ul', { class: 'lc-legend', 'aria-hidden': 'true' }, ...series.lines.map((l, i) => el('li', { style: `--c: var(--lc-${i % 6})` }, marker(i), l.label)));
  const plot = el('div', { class: 'lc-plot', hidden: '' }, legend, el('div', { class: 'lc-canvas' }, el('canvas', { role: 'img', 'aria-label': `图：${series.title}。数字见下方表格。` })));
  const figure = el('figure', { 'aria-labelledby': 'term-trend-title' },
    el('figcaption', {}, el('h2', { id: 'term-trend-title' }, series.title), el('p', { class: 'lc-summary' }, series.summary)),
    plot);
  const box = el('div', { class: 'lc-chart', id: series.id }, figure, json);
  return box;
}

function levelTable(t: TermTrend): HTMLElement {
  const levels = [...new Set(t.byLevel.map((x) => x.level))];
  const head = el('tr', {}, el('th', { scope: 'col' }, '年份'), ...levels.map((l) => el('th', { scope: 'col' }, `${LEVEL_WORDS[l]}报告`)));
  const rows = t.years.map((y) =>
    el('tr', {}, el('th', { scope: 'row' }, String(y)), ...levels.map((l) => {
      const x = t.byLevel.find((v) => v.level === l && v.year === y);
      return el('td', {}, x ? `${x.meanPer10k}（${x.using}/${x.reports}份）` : '—');
    })),
  );
  return el('div', { class: 'table-wrap tt-levels' }, el('table', {},
    el('caption', {}, `每万字平均用“${t.phrase}”的次数（括号内：用过的报告数／当年收录的报告数）`),
    el('thead', {}, head), el('tbody', {}, ...rows)));
}

function docTable(t: TermTrend, base: string): HTMLElement {
  const using = t.docs.filter((r) => r.count > 0);
  const rows = using.map((r) => {
    const search = new URL(`${base}search/`, location.href);
    search.searchParams.set('q', t.phrase);
    if (r.doc.region) search.searchParams.set('region', r.doc.region.slug);
    search.searchParams.set('year', String(r.doc.year));
    return el('tr', {},
      el('td', {}, String(r.doc.year)),
      el('td', {}, el('a', { href: `${base}reports/${r.doc.id}/` }, r.doc.region?.name ?? r.doc.title)),
      el('td', {}, el('a', { href: search.pathname + search.search }, `${r.count}次`)),
      el('td', {}, String(r.per10k)));
  });
  return el('div', { class: 'table-wrap tt-docs' }, el('table', {},
    el('caption', {}, `用过“${t.phrase}”的${using.length}份报告（共收录${t.docs.length}份）；次数链接到这份报告中的检索结果`),
    el('thead', {}, el('tr', {}, ...['年份', '报告', '次数', '每万字'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows)));
}

export class TermTrendsElement extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const phrase = new URL(location.href).searchParams.get('q')?.trim();
    if (!phrase) return;
    const status = this.querySelector<HTMLElement>('.tt-status');
    const out = this.querySelector<HTMLElement>('.tt-out');
    if (!status || !out) return;
    const base = this.dataset.base ?? '/';
    status.textContent = `正在统计“${phrase}”……`;
    try {
      const [engine, docs] = await Promise.all([
        SearchEngine.load(base),
        fetch(this.dataset.docs ?? `${base}terms/docs.json`).then((r) => {
          if (!r.ok) throw new Error(`terms/docs.json: HTTP ${r.status}`);
          return r.json() as Promise<TermDoc[]>;
        }),
      ]);
      const found = await engine.search(phrase);
      const counts = new Map<string, number>();
      for (const h of found.all) {
        if (h.doc.kind !== 'report') continue;
        const n = h.match.runStarts.length || Math.min(...h.match.wordStarts.map((w) => w.length));
        counts.set(h.doc.id, (counts.get(h.doc.id) ?? 0) + n);
      }
      const trend = termTrend(phrase, counts, docs);
      const series = termSeries(trend);
      const csv = new Blob([termCsv(trend, location.origin)], { type: 'text/csv;charset=utf-8' });
      const link = el('a', { href: URL.createObjectURL(csv), download: `terms-${trend.total}-${docs.length}.csv` }, '下载每份报告的次数（CSV）');
      const search = new URL(`${base}search/`, location.href);
      search.searchParams.set('q', phrase);
      const figure = chart(series);
      out.replaceChildren(
        figure,
        levelTable(trend),
        trend.total ? docTable(trend, base) : el('p', {}, `收录的报告都没有用过“${phrase}”。`),
        el('p', { class: 'small' }, link, ' · ', el('a', { href: search.pathname + search.search }, '在全文检索中查看每一处')),
      );
      status.textContent = found.converted ? `已按简体“${found.converted.raw}”一并统计。` : '';
      const { drawLines } = await import('./lines-draw.ts');
      drawLines(figure);
    } catch (err) {
      status.textContent = `统计失败：${String(err)}`;
      console.error('term trends:', err);
    }
  }
}

if (!customElements.get('term-trends')) customElements.define('term-trends', TermTrendsElement);
