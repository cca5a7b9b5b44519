/**
 * The regions of the corpus grouped through their GB/T 2260 parents: the nation, then
 * each province with its own reports, its prefecture-level cities and their counties
 * (counties directly under a province, such as a municipality's districts, sit beside
 * the cities). Pure functions over the parser's documents, unit-tested without a build;
 * the home page and /regions/ lay the groups out and filter them in the browser.
 */
import type { Division, Region, ReportDocument } from '../lib/index.ts';
import { compareNewest } from './catalog.ts';

/** One region with its documents, as a directory row. */
export interface PlaceEntry {
  region: Region;
  /** Newest first. */
  documents: ReportDocument[];
  /** Years with a report (full or partial), oldest first. */
  years: number[];
  reports: number;
  coverage: number;
}

export interface CityGroup {
  division: Division;
  /** The city's own reports; null when only its counties are in the corpus. */
  entry: PlaceEntry | null;
  counties: PlaceEntry[];
}

export interface ProvinceGroup {
  division: Division;
  /** The province's own reports; null when only its cities or counties are in the corpus. */
  entry: PlaceEntry | null;
  cities: CityGroup[];
  /** Counties whose nearest parent is the province (a municipality's districts, 省直辖县). */
  direct: PlaceEntry[];
  /** Every region of the group with a document, the province itself included. */
  places: PlaceEntry[];
  reports: number;
  /** Years with a report anywhere in the group, oldest first. */
  years: number[];
}

export interface Directory {
  national: PlaceEntry | null;
  provinces: ProvinceGroup[];
  /** Documents whose region is unknown or has no province. */
  unplaced: ReportDocument[];
}

const key = (d: Pick<Division, 'code' | 'name'>): string => d.code ?? `name:${d.name}`;
const byCode = (a: Pick<Division, 'code' | 'name'>, b: Pick<Division, 'code' | 'name'>): number =>
  (a.code ?? '').localeCompare(b.code ?? '') || a.name.localeCompare(b.name, 'zh-CN');

export function placeEntry(region: Region, documents: readonly ReportDocument[]): PlaceEntry {
  const reports = documents.filter((d) => d.kind !== 'coverage');
  return {
    region,
    documents: [...documents].sort(compareNewest),
    years: [...new Set(reports.map((d) => d.year).filter((y): y is number => y !== null))].sort((a, b) => a - b),
    reports: reports.length,
    coverage: documents.length - reports.length,
  };
}

/** The province a region belongs to (itself for a province), or null (the nation, unknown regions). */
export function provinceOf(region: Pick<Region, 'level' | 'name' | 'code' | 'parents'>): Division | null {
  if (region.level === 'province') return { name: region.name, code: region.code, level: 'province' };
  if (region.level !== 'prefecture' && region.level !== 'county') return null;
  return region.parents.find((p) => p.level === 'province') ?? null;
}

/** The prefecture-level city a county belongs to, or null (directly under its province). */
export function cityOf(region: Pick<Region, 'level' | 'parents'>): Division | null {
  return region.level === 'county' ? (region.parents.find((p) => p.level === 'prefecture') ?? null) : null;
}

export function directory(docs: readonly ReportDocument[]): Directory {
  const bySlug = new Map<string, { region: Region; docs: ReportDocument[] }>();
  const unplaced: ReportDocument[] = [];
  for (const d of docs) {
    if (!d.region) {
      unplaced.push(d);
      continue;
    }
    const g = bySlug.get(d.region.slug) ?? { region: d.region, docs: [] };
    g.docs.push(d);
    bySlug.set(d.region.slug, g);
  }
  let national: PlaceEntry | null = null;
  type Building = { division: Division; entry: PlaceEntry | null; cities: Map<string, CityGroup>; direct: PlaceEntry[] };
  const provinces = new Map<string, Building>();
  const provinceGroup = (p: Division): Building => {
    const k = key(p);
    const g: Building = provinces.get(k) ?? { division: p, entry: null, cities: new Map(), direct: [] };
    provinces.set(k, g);
    return g;
  };
  for (const { region, docs: ds } of bySlug.values()) {
    const entry = placeEntry(region, ds);
    if (region.level === 'national') {
      national = entry;
      continue;
    }
    const province = provinceOf(region);
    if (!province) {
      unplaced.push(...entry.documents);
      continue;
    }
    const pg = provinceGroup(province);
    if (region.level === 'province') {
      pg.entry = entry;
      continue;
    }
    const city = region.level === 'prefecture' ? ({ name: region.name, code: region.code, level: 'prefecture' } as Division) : cityOf(region);
    if (!city) {
      pg.direct.push(entry);
      continue;
    }
    const cg = pg.cities.get(key(city)) ?? { division: city, entry: null, counties: [] };
    if (region.level === 'prefecture') cg.entry = entry;
    else cg.counties.push(entry);
    pg.cities.set(key(city), cg);
  }
  const byRegion = (a: PlaceEntry, b: PlaceEntry) => byCode(a.region, b.region);
  const groups: ProvinceGroup[] = [...provinces.values()].map((g) => {
    const cities = [...g.cities.values()]
      .map((c) => ({ ...c, counties: c.counties.sort(byRegion) }))
      .sort((a, b) => byCode(a.division, b.division));
    const direct = g.direct.sort(byRegion);
    const places = [...(g.entry ? [g.entry] : []), ...cities.flatMap((c) => [...(c.entry ? [c.entry] : []), ...c.counties]), ...direct];
    return {
      division: g.division,
      entry: g.entry,
      cities,
      direct,
      places,
      reports: places.reduce((n, p) => n + p.reports, 0),
      years: [...new Set(places.flatMap((p) => p.years))].sort((a, b) => a - b),
    };
  });
  return { national, provinces: groups.sort((a, b) => byCode(a.division, b.division)), unplaced: unplaced.sort(compareNewest) };
}

/** One province's documents (or the nation's), for the /reports/ list. */
export interface DocumentGroup {
  /** The province; null for the nation. */
  division: Division | null;
  /** Newest year first; within a year the directory's order (the province, its cities, their counties). */
  documents: ReportDocument[];
}

/** Every document by province (the directory's groups), each group newest year first; the documents no province holds apart. */
export function documentsByProvince(docs: readonly ReportDocument[]): { groups: DocumentGroup[]; unplaced: ReportDocument[] } {
  const dir = directory(docs);
  const newestFirst = (places: readonly PlaceEntry[]): ReportDocument[] => {
    // Stable: documents of one year keep the directory's order of their places.
    const inOrder = places.flatMap((p) => p.documents);
    return inOrder.map((d, i) => ({ d, i })).sort((a, b) => (b.d.year ?? 0) - (a.d.year ?? 0) || a.i - b.i).map((x) => x.d);
  };
  const groups: DocumentGroup[] = [
    ...(dir.national ? [{ division: null, documents: newestFirst([dir.national]) }] : []),
    ...dir.provinces.map((p) => ({ division: p.division, documents: newestFirst(p.places) })),
  ];
  return { groups, unplaced: dir.unplaced };
}

/** The year links of a directory row: each year's report (full before partial), oldest first. */
export function yearReports(entry: PlaceEntry): { year: number; doc: ReportDocument }[] {
  return entry.years.map((year) => {
    const same = entry.documents.filter((d) => d.year === year && d.kind !== 'coverage');
    return { year, doc: same.find((d) => d.kind === 'report') ?? same[0]! };
  });
}

/** Filter values of a directory row, as the page writes them into data-* attributes. */
export function rowFilters(entry: PlaceEntry): { level: string; years: string; province: string } {
  const province = provinceOf(entry.region);
  return { level: entry.region.level, years: entry.years.join(' '), province: province ? key(province) : '' };
}

export const provinceKey = key;

/** 山东省 → 山东, 广西壮族自治区 → 广西, 北京市 → 北京: the name a row label or a jump link needs. */
export function provinceShortName(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

/**
 * The regions under a province or a city that have documents: a province's own cities
 * (each with its counties) and the counties directly under it; a city's counties.
 */
export function childrenOf(dir: Directory, region: Pick<Region, 'level' | 'name' | 'code' | 'parents'>): { entry: PlaceEntry | null; division: Division; counties: PlaceEntry[] }[] {
  const province = provinceOf(region);
  const group = province ? dir.provinces.find((p) => key(p.division) === key(province)) : undefined;
  if (!group) return [];
  if (region.level === 'province') {
    return [
      ...group.cities.map((c) => ({ entry: c.entry, division: c.division, counties: c.counties })),
      ...group.direct.map((e) => ({ entry: e, division: { name: e.region.name, code: e.region.code, level: e.region.level } as Division, counties: [] })),
    ];
  }
  if (region.level === 'prefecture') {
    const city = group.cities.find((c) => key(c.division) === key(region));
    return (city?.counties ?? []).map((e) => ({ entry: e, division: { name: e.region.name, code: e.region.code, level: e.region.level } as Division, counties: [] }));
  }
  return [];
}
