/** Words for records: kinds, dates, regions and stated figures, as the pages show them. */
import type { ReportDocument, Region, Target } from '../lib/index.ts';

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

export const HORIZON_LABEL: Record<Target['horizon'], string> = { annual: '年度目标', 'five-year': '五年目标' };
