/**
 * <region-directory>: filters a server-rendered list of regions grouped by province
 * (src/components/RegionDirectory.astro) by level, year and province, in place. Each row
 * carries data-level, data-years and data-province; a city row stays (dimmed) while one
 * of its counties matches; a province disappears with its last row. The filter state is
 * in the address (?level=&year=&province=), so a filtered list can be shared. Without
 * JavaScript the form is not shown (CSS, scripting: none) and the whole list is.
 */
const FIELDS = ['level', 'year', 'province'] as const;
type Field = (typeof FIELDS)[number];
type State = Record<Field, string>;

export function rowMatches(row: { level: string; years: string; province: string }, s: State): boolean {
  return (
    row.level !== '' &&
    (!s.level || row.level === s.level) &&
    (!s.year || row.years.split(' ').includes(s.year)) &&
    (!s.province || row.province === s.province)
  );
}

export class RegionDirectoryElement extends HTMLElement {
  #form: HTMLElement | null = null;

  connectedCallback(): void {
    this.#form = this.querySelector('.dir-filters');
    if (!this.#form) return;
    const params = new URLSearchParams(location.search);
    for (const f of FIELDS) {
      const select = this.#select(f);
      const v = params.get(f);
      if (select && v && [...select.options].some((o) => o.value === v)) select.value = v;
    }
    this.#form.addEventListener('change', () => {
      this.apply();
      this.#writeUrl();
    });
    if (FIELDS.some((f) => this.#select(f)?.value)) this.apply();
  }

  #select(f: Field): HTMLSelectElement | null {
    return this.#form?.querySelector<HTMLSelectElement>(`select[name="${f}"]`) ?? null;
  }

  state(): State {
    return Object.fromEntries(FIELDS.map((f) => [f, this.#select(f)?.value ?? ''])) as State;
  }

  /** Show the rows that match; returns how many regions are shown. */
  apply(): number {
    const s = this.state();
    let shown = 0;
    const rows = [...this.querySelectorAll<HTMLElement>('li.dir-row')];
    const own = new Map<HTMLElement, boolean>();
    for (const row of rows) {
      const ok = rowMatches({ level: row.dataset.level ?? '', years: row.dataset.years ?? '', province: row.dataset.province ?? '' }, s);
      own.set(row, ok);
      if (ok) shown++;
    }
    // A row stays when it matches or one of its children does (shown dimmed, as context).
    for (const row of rows) {
      const child = [...row.querySelectorAll<HTMLElement>(':scope > .dir-sub > li.dir-row')].some((c) => own.get(c));
      row.hidden = !own.get(row) && !child;
      row.classList.toggle('dimmed', !own.get(row) && child);
      for (const a of row.querySelectorAll<HTMLAnchorElement>(':scope > .dir-years > a')) a.classList.toggle('off', !!s.year && a.textContent !== s.year);
    }
    for (const section of this.querySelectorAll<HTMLElement>('section.dir-prov')) {
      section.hidden = !section.querySelector('li.dir-row:not([hidden])');
    }
    const empty = this.querySelector<HTMLElement>('.dir-empty');
    if (empty) empty.hidden = shown > 0;
    const out = this.querySelector('output.dir-count');
    if (out) out.textContent = FIELDS.some((f) => s[f]) ? `显示 ${shown} 个地区（共 ${rows.filter((r) => r.dataset.level).length} 个）` : `共 ${shown} 个地区`;
    return shown;
  }

  #writeUrl(): void {
    const url = new URL(location.href);
    const s = this.state();
    for (const f of FIELDS) {
      if (s[f]) url.searchParams.set(f, s[f]);
      else url.searchParams.delete(f);
    }
    history.replaceState(history.state, '', url);
  }
}

if (!customElements.get('region-directory')) customElements.define('region-directory', RegionDirectoryElement);
