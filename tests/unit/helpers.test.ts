// Tests for the test helpers themselves (static server, dist paths, link checker), on a throwaway site folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listHtml, resolveDistPath, urlPathForFile } from '../helpers/dist.ts';
import { checkSite, formatProblems, siteOrigin } from '../helpers/links.ts';
import { serveDist, type DistServer } from '../helpers/server.ts';

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;

function makeSite(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'report-explorer-site-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('dist paths', () => {
  test('urlPathForFile', () => {
    expect(urlPathForFile('index.html')).toBe('/');
    expect(urlPathForFile('reports/2024/index.html')).toBe('/reports/2024/');
    expect(urlPathForFile('404.html')).toBe('/404.html');
  });

  test('resolveDistPath and listHtml', () => {
    const root = makeSite({ 'index.html': page(''), 'a/index.html': page(''), '报告/index.html': page(''), 'x.css': '' });
    roots.push(root);
    expect(listHtml(root)).toEqual(['a/index.html', 'index.html', '报告/index.html']);
    expect(resolveDistPath('/', root)).toEqual({ kind: 'file', file: path.join(root, 'index.html') });
    expect(resolveDistPath('/a', root)).toEqual({ kind: 'redirect', location: '/a/' });
    expect(resolveDistPath(`/${encodeURIComponent('报告')}/`, root)).toEqual({ kind: 'file', file: path.join(root, '报告/index.html') });
    expect(resolveDistPath('/x.css/', root).kind).toBe('missing');
    expect(resolveDistPath('/../etc/passwd', root).kind).toBe('missing');
    expect(resolveDistPath('/%2e%2e/%2e%2e/etc/passwd', root).kind).toBe('missing');
    expect(resolveDistPath('/%E0%A4%A', root).kind).toBe('missing');
  });
});

describe('serveDist', () => {
  let server: DistServer;
  let root: string;
  beforeAll(async () => {
    root = makeSite({
      'index.html': page('<h1>首页</h1>'),
      'a/index.html': page('a'),
      '404.html': page('<h1>未找到</h1>'),
      '_astro/x.js': 'export {}',
      '_astro/x.css': 'body{}',
      'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    roots.push(root);
    server = await serveDist(root);
  });
  afterAll(() => server?.close());

  test('listens on loopback', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('content types and directory index', async () => {
    const cases: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/a/', 'text/html; charset=utf-8'],
      ['/_astro/x.js', 'text/javascript; charset=utf-8'],
      ['/_astro/x.css', 'text/css; charset=utf-8'],
      ['/logo.svg', 'image/svg+xml'],
    ];
    for (const [p, type] of cases) {
      const res = await fetch(server.url + p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type'), p).toBe(type);
      await res.text();
    }
    expect(await (await fetch(`${server.url}/`)).text()).toContain('首页');
  });

  test('directory without slash redirects; missing → 404.html with 404', async () => {
    const r = await fetch(`${server.url}/a?q=1`, { redirect: 'manual' });
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/a/?q=1');
    const m = await fetch(`${server.url}/nope/`);
    expect(m.status).toBe(404);
    expect(await m.text()).toContain('未找到');
  });
});

describe('link checker', () => {
  test('a clean site has no problems', () => {
    const root = makeSite({
      'index.html': page(
        `<a href="/a/">a</a> <a href="a/#s1">s1</a> <a href="#top">top</a><span id="top"></span>` +
          `<a href="https://example.org/x">ext</a> <a href="mailto:a@b.c">m</a> <img alt="" src="data:image/png;base64,AA==">` +
          `<a href="${siteOrigin}/a/">abs</a> <link rel="stylesheet" href="/_astro/x.css"> <img alt="" srcset="/i.png 1x, /i.png 2x">` +
          `<a href="/a/#${encodeURIComponent('第一节')}">zh</a> <a href="/a/?q=1">q</a>`,
      ),
      'a/index.html': page('<h2 id="s1">一</h2><h2 id="第一节">二</h2>'),
      '_astro/x.css': '',
      'i.png': '',
    });
    roots.push(root);
    const { pages, problems } = checkSite(root);
    expect(pages).toHaveLength(2);
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  test('finds missing files, missing or duplicate fragments, slashless directory links and duplicate ids', () => {
    const root = makeSite({
      'index.html': page(
        `<a href="/missing/">1</a> <a href="/a/#nope">2</a> <a href="/a/#dup">3</a> <a href="/a">4</a>` +
          `<script src="/_astro/gone.js"></script> <a href="${siteOrigin}/gone/">5</a>`,
      ),
      'a/index.html': page('<p id="dup"></p><p id="dup"></p><template><p id="t"></p><p id="t"></p></template>'),
    });
    roots.push(root);
    const { problems } = checkSite(root);
    const text = formatProblems(problems);
    expect(text).toContain('/missing/ is not in the built site');
    expect(text).toContain('#nope does not exist in a/index.html');
    expect(text).toContain('#dup exists 2 times in a/index.html');
    expect(text).toContain("link to /a/ (trailingSlash: 'always')");
    expect(text).toContain('/_astro/gone.js is not in the built site');
    expect(text).toContain('/gone/ is not in the built site');
    expect(text).toContain('a/index.html: id="dup" is used 2 times');
    expect(text).not.toContain('id="t"');
    expect(problems).toHaveLength(7);
  });
});
