// Every HTML response of the route catalogue, the pack preview and the error pages included, carries the pages'
// Content-Security-Policy (the preview's own inline stylesheet allowed by its hash, nothing more), and the preview
// still looks as designed under it in a real Chromium.
import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../src/http/page-html.js';
import { PAGES, ROUTES } from '../../src/http/route-catalog.js';
import { servedInChromium } from '../support/served-in-chromium.js';

const web = servedInChromium();

const fill = (path: string) => path.replace('{code}', 'E10000017').replace('{format}', 'html');
const HTML_PATHS = [
  ...PAGES.map((p) => fill(p.path)),
  ...ROUTES.filter((r) => r.formats.includes('html')).map((r) => r.example),
  '/nope',
  '/councils/E99999999',
  '/compare?equity=9',
  '/api/packs/E10000017.html?weights=nonsense',
];

describe('the Content-Security-Policy of every HTML response', () => {
  it('covers every HTML route in the catalogue', () => {
    expect(HTML_PATHS).toContain('/api/packs/E10000017.html');
    expect(HTML_PATHS.length).toBeGreaterThan(8);
  });

  it.each(HTML_PATHS)('%s', async (path) => {
    const res = await fetch(web.url + path, { headers: { Accept: 'text/html' } });
    await res.arrayBuffer();
    if (!/^text\/html/.test(res.headers.get('content-type') ?? '')) return; // assets and JSON errors are not pages
    const csp = res.headers.get('content-security-policy');
    expect(csp, `${path} (${res.status}) has no Content-Security-Policy`).not.toBeNull();
    // The same policy; a document with an inline stylesheet may add that stylesheet's hash, and only that.
    expect(csp!.replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, '')).toBe(PAGE_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the pack preview is served as a page, and its stylesheet applies under the policy', async () => {
    const res = await fetch(`${web.url}/api/packs/E10000017.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/style-src 'self' 'sha256-/);
    const page = await web.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${web.url}/api/packs/E10000017.html`);
    // BASE_CSS sets box-sizing on everything: a blocked stylesheet leaves the default, content-box.
    expect(await page.evaluate(() => getComputedStyle(document.body).boxSizing)).toBe('border-box');
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);
});
