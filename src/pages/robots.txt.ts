/** /robots.txt: everything may be indexed; the sitemap is named. */
import type { APIRoute } from 'astro';
import { absoluteUrl, homePath, sitemapPath } from '../data/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: ${homePath()}\n\nSitemap: ${absoluteUrl(sitemapPath(), site)}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
