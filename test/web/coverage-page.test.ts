// The /coverage page in a real Chromium against the real server on 127.0.0.1: reached from the home page with
// JavaScript off, England's totals first and then every council, under the same Content-Security-Policy and style
// sheet as the other pages, with no WCAG 2.2 AA violations (axe-core) at full width or at 320 CSS pixels.
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { servedInChromium } from '../support/served-in-chromium.js';

const web = servedInChromium();

describe('the coverage page', () => {
  it("is linked from the home page and shows England's totals, then every council, without JavaScript", async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${web.url}/`);
    const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/coverage'), page.click('a[href="/coverage"]')]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
    expect(await page.textContent('h1')).toBe('What we know about each council');
    expect(await page.locator('link[rel=stylesheet]').getAttribute('href')).toBe('/static/site.css');
    expect(await page.locator('script').count()).toBe(0);

    // England first: its totals come before the councils' table and agree with the API.
    const api = (await (await fetch(`${web.url}/api/coverage`)).json()) as { data: { england: Record<string, number>; councils: Array<Record<string, unknown>> } };
    const totals = await page.locator('#england tr').allTextContents();
    expect(totals[0]).toMatch(/^Councils\s*153$/);
    expect(totals.join('\n')).toContain(`Councils with an entry point for the scraper${api.data.england.with_entry_point}`);
    expect(totals.join('\n')).toContain(`within their own DfE 2025 statistical neighbours${api.data.england.rankable}`);
    expect(await page.locator('table').evaluateAll((ts) => ts.map((t) => t.id))).toEqual(['england', 'councils']);

    expect(await page.locator('#councils tbody tr').count()).toBe(153);
    const empty = api.data.councils.find((c) => c.records === 0)!;
    const emptyRow = (await page.textContent(`#c-${String(empty.code)}`)) ?? '';
    expect(emptyRow).toContain('none found yet');
    expect(emptyRow).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const ranked = api.data.councils.find((c) => c.rankable)!;
    expect(await page.textContent(`#c-${String(ranked.code)}`)).toMatch(new RegExp(`yes: ${String(ranked.rank)} of \\d+`));
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('has no WCAG 2.2 AA violations at full width', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/coverage`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('reflows to 320 CSS pixels (WCAG 1.4.10): the councils table scrolls in its own region', async () => {
    const page = await web.browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${web.url}/coverage`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.getAttribute('#councils', 'id')).toBe('councils');
    expect(await page.evaluate(() => document.querySelector('.table-wrap')!.getAttribute('role'))).toBe('region');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
