/** Names and settings shown across the site. */
import { aboutPath, dataPath, indicatorsPath, regionsPath, reportsPath, yearsPath } from './urls.ts';

export const SITE_NAME = 'Report Explorer';
export const SITE_NAME_ZH = '政府工作报告库';
export const SITE_DESCRIPTION = '逐段阅读、检索、引用和下载地方政府工作报告：每个标题和段落都有永久链接，每句话都能追溯到原始文本的行号。';
/** Where errors are reported: the project's issue tracker, when the build knows it (REPO_URL). */
export const REPO_URL: string | null = process.env.REPO_URL?.replace(/\/$/, '') || null;

export const NAV: { href: string; label: string }[] = [
  { href: reportsPath(), label: '报告' },
  { href: regionsPath(), label: '地区' },
  { href: yearsPath(), label: '年份' },
  { href: indicatorsPath(), label: '指标' },
  { href: dataPath(), label: '数据' },
  { href: aboutPath(), label: '关于' },
];
