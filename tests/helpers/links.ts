/**
 * Link checker over a built site: parses every HTML page with parse5 (the HTML spec's parsing algorithm,
 * so the tree is what a browser sees) and checks
 *  - every internal href/src/srcset/poster/action/meta-refresh URL resolves to a file in the site folder,
 *    without relying on a redirect (trailingSlash: 'always' means directory links end in `/`);
 *  - every `#fragment` on an internal link to an HTML page names an `id` present exactly once there;
 *  - every page's ids are unique.
 * External links (http(s) to other hosts, mailto:, tel:, data:, javascript:, blob:) are ignored;
 * absolute links to the site's own origin (SITE_URL) count as internal.
 */
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { distDir, listHtml, readDist, resolveDistPath, urlPathForFile } from './dist.ts';

export const siteOrigin = new URL(process.env.SITE_URL || 'https://report-explorer.example').origin;

export interface LinkRef {
  tag: string;
  attr: string;
  value: string;
  line: number | undefined;
}

export interface PageInfo {
  /** dist-relative path, e.g. `reports/2024/index.html`. */
  rel: string;
  /** URL pathname it is served at, e.g. `/reports/2024/`. */
  urlPath: string;
  /** id → how many elements carry it. */
  ids: Map<string, number>;
  refs: LinkRef[];
}

export interface Problem {
  page: string;
  line?: number | undefined;
  message: string;
}

const URL_ATTRS: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  track: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  input: ['src'],
  object: ['data'],
  form: ['action'],
};

function attrName(a: { name: string; prefix?: string }): string {
  return a.prefix ? `${a.prefix}:${a.name}` : a.name;
}

function isElement(n: T.ChildNode | T.ParentNode): n is T.Element {
  return 'tagName' in n;
}

/** Parse one page: its ids and every URL-bearing attribute. */
export function analysePage(rel: string, html: string): PageInfo {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const ids = new Map<string, number>();
  const refs: LinkRef[] = [];

  const visit = (node: T.ParentNode, inTemplate: boolean): void => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const tag = child.tagName;
      const line = child.sourceCodeLocation?.startLine;
      for (const a of child.attrs) {
        const name = attrName(a);
        // Ids inside <template> are inert copies, not part of the document.
        if (name === 'id' && !inTemplate) ids.set(a.value, (ids.get(a.value) ?? 0) + 1);
        if (URL_ATTRS[tag]?.includes(name)) {
          if (name === 'srcset') {
            for (const candidate of a.value.split(/,\s+/)) {
              const url = candidate.trim().split(/\s+/)[0];
              if (url) refs.push({ tag, attr: name, value: url, line });
            }
          } else {
            refs.push({ tag, attr: name, value: a.value, line });
          }
        }
      }
      if (tag === 'meta') {
        const equiv = child.attrs.find((a) => a.name === 'http-equiv')?.value.toLowerCase();
        const content = child.attrs.find((a) => a.name === 'content')?.value;
        const m = equiv === 'refresh' && content ? /^\s*\d+\s*[;,]\s*url\s*=\s*['"]?([^'"]+)/i.exec(content) : null;
        if (m?.[1]) refs.push({ tag, attr: 'content', value: m[1].trim(), line });
      }
      visit(child, inTemplate);
      if (tag === 'template' && 'content' in child) visit((child as T.Template).content, true);
    }
  };
  visit(doc, false);
  return { rel, urlPath: urlPathForFile(rel), ids, refs };
}

const IGNORED_SCHEMES = /^(mailto|tel|data|javascript|blob|about|sms):/i;

/**
 * Check every HTML page under `root`. Returns the pages checked and every problem found.
 * With `base` (a site built with BASE_PATH), pages are served under it and every internal
 * URL must start with it; `origin` is the site's own origin (SITE_URL).
 */
export function checkSite(root: string = distDir, { base = '/', origin = siteOrigin }: { base?: string; origin?: string } = {}): { pages: PageInfo[]; problems: Problem[] } {
  const pages = listHtml(root).map((rel) => analysePage(rel, readDist(rel, root)));
  for (const p of pages) p.urlPath = `${base}${p.urlPath.slice(1)}`;
  const byFile = new Map(pages.map((p) => [path.join(root, p.rel), p]));
  const problems: Problem[] = [];

  for (const page of pages) {
    for (const [id, count] of page.ids) {
      if (count > 1) problems.push({ page: page.rel, message: `id="${id}" is used ${count} times` });
      if (id === '') problems.push({ page: page.rel, message: 'empty id=""' });
    }
    for (const ref of page.refs) {
      const where = `<${ref.tag} ${ref.attr}="${ref.value}">`;
      const raw = ref.value.trim();
      if (raw === '' ) {
        problems.push({ page: page.rel, line: ref.line, message: `${where}: empty URL` });
        continue;
      }
      if (IGNORED_SCHEMES.test(raw)) continue;
      let url: URL;
      try {
        url = new URL(raw, `${origin}${page.urlPath}`);
      } catch {
        problems.push({ page: page.rel, line: ref.line, message: `${where}: not a valid URL` });
        continue;
      }
      if (url.origin !== origin) continue; // another host, or a scheme we don't serve
      if (!url.pathname.startsWith(base)) {
        problems.push({ page: page.rel, line: ref.line, message: `${where}: ${url.pathname} is outside the base path ${base}` });
        continue;
      }
      const target = resolveDistPath(`/${url.pathname.slice(base.length)}`, root);
      if (target.kind === 'missing') {
        problems.push({ page: page.rel, line: ref.line, message: `${where}: ${url.pathname} is not in the built site` });
        continue;
      }
      if (target.kind === 'redirect') {
        problems.push({
          page: page.rel,
          line: ref.line,
          message: `${where}: ${url.pathname} is a directory; link to ${base}${target.location.slice(1)} (trailingSlash: 'always')`,
        });
        continue;
      }
      // A fragment directive (`#id:~:text=…`, a text fragment) is not part of the id: browsers strip it.
      const fragment = url.hash.slice(1).split(':~:')[0]!;
      if (!fragment) continue;
      const targetPage = byFile.get(target.file);
      if (!targetPage) continue; // fragments into non-HTML files (e.g. PDF #page=2) are not ids
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      const count = targetPage.ids.get(id) ?? 0;
      if (count !== 1) {
        problems.push({
          page: page.rel,
          line: ref.line,
          message: `${where}: #${id} ${count === 0 ? 'does not exist' : `exists ${count} times`} in ${targetPage.rel}`,
        });
      }
    }
  }
  return { pages, problems };
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.page}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n');
}
