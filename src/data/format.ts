/** Words for records: kinds, dates, regions and stated figures, as the pages show them. */
import type { ReportDocument, Region, Result, Target } from '../lib/index.ts';

type Doc = Pick<ReportDocument, 'kind' | 'title' | 'region' | 'year' | 'date' | 'dateText'>;

export const KIND_LABEL: Record<ReportDocument['kind'], string> = {
  report: '政府工作报告',
  'partial-report': '政府工作报告（节选）',
  'five-year-plan': '五年规划纲要的报告',
  coverage: '新闻报道',
};

export const LEVEL_LABEL: Record<Region['level'], string> = {
  national: '全国',
  province: '省级',
  prefecture: '地级',
  county: '县级',
  unknown: '未知级别',
};

/** 2024-01-16 → 2024年1月16日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 荣成市（山东省威海市） */
export function regionWithParents(region: Region | null): string {
  if (!region) return '地区未识别';
  const parents = [...region.parents].reverse().map((p) => p.name).join('');
  return parents ? `${region.name}（${parents}）` : region.name;
}

/** Corporate author for citations: 威海市人民政府; null for press coverage or an unknown region. */
export function citeAuthor(doc: Doc): string | null {
  if (doc.kind === 'coverage' || !doc.region) return null;
  if (doc.region.level === 'national') return '国务院';
  return `${doc.region.name}人民政府`;
}

/** Short label in lists: 2024年 · 威海市. */
export function shortLabel(doc: Doc): string {
  return `${doc.region?.name ?? '地区不详'} ${doc.year ?? '年份不详'}`;
}

/**
 * A stated figure in words, from its fields: 增长5.5%左右, 70万吨以上, 6%—6.5%.
 * Figures without a number show their qualifier as written (高于全省, 量稳质升),
 * or 定性表述 when the report states only the aim.
 */
export function figureText(f: Target | Result): string {
  if (f.value === null) return f.qualifier ?? '定性表述';
  const unit = f.unit ?? '';
  const span =
    f.valueMax !== null
      ? `${f.value}${unit === '%' ? '%' : ''}—${f.valueMax}${unit}`
      : `${f.kind === 'growth' ? Math.abs(f.value) : f.value}${unit}`;
  const verb = f.kind === 'growth' ? (f.value < 0 && f.valueMax === null ? '下降' : '增长') : '';
  return `${verb}${span}${f.qualifier ?? ''}`;
}

export const HORIZON_LABEL: Record<Target['horizon'], string> = { annual: '年度目标', 'five-year': '五年目标' };
