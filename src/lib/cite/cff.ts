/**
 * CITATION.cff (Citation File Format 1.2.0) for the dataset. Every string is
 * written as a JSON string, which is a valid YAML double-quoted scalar, so no
 * title or URL can break the YAML.
 */

export interface CffInput {
  title: string;
  abstract: string;
  version: string;
  /** YYYY-MM-DD */
  dateReleased: string;
  url: string;
  repository?: string | null;
  authors: string[];
  keywords: string[];
  license?: string | null;
}

const q = (s: string) => JSON.stringify(s);

export function citationCff(c: CffInput): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.dateReleased)) throw new Error(`CITATION.cff: date-released must be YYYY-MM-DD, got ${q(c.dateReleased)}`);
  if (!c.authors.length) throw new Error('CITATION.cff: at least one author is required');
  const lines = [
    'cff-version: 1.2.0',
    `message: ${q('If you use this dataset, please cite it as below. 使用本数据集时请按以下信息引用。')}`,
    'type: dataset',
    `title: ${q(c.title)}`,
    `abstract: ${q(c.abstract)}`,
    `version: ${q(c.version)}`,
    `date-released: ${q(c.dateReleased)}`,
    `url: ${q(c.url)}`,
  ];
  if (c.repository) lines.push(`repository-code: ${q(c.repository)}`);
  if (c.license) lines.push(`license: ${q(c.license)}`);
  lines.push('authors:', ...c.authors.map((a) => `  - name: ${q(a)}`));
  lines.push('keywords:', ...c.keywords.map((k) => `  - ${q(k)}`));
  return `${lines.join('\n')}\n`;
}
