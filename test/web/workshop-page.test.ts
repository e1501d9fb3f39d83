// The workshop lead's page, end to end in a real Chromium against the real server on 127.0.0.1: choose Lancashire,
// change a weight, see the comparison follow, download the pack; no WCAG 2.2 AA violations (axe-core), nothing
// blocked by the Content-Security-Policy, and the page still works with JavaScript off.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { axeViolations } from '../support/axe.js';
import { servedInChromium } from '../support/served-in-chromium.js';

const OUT = join(PROJECT_ROOT, 'test', 'out');
const web = servedInChromium();

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

/** Collects what the Content-Security-Policy blocked and any script error. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

describe('the workshop page in Chromium', () => {
  it('takes a workshop lead from choosing Lancashire to a downloaded pack', async () => {
    const context = await web.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watch(page);
    const start = await page.goto(`${web.url}/`);
    expect(start?.headers()['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
    expect(await axeViolations(page)).toEqual([]);

    await page.selectOption('#council', 'E10000017');
    await page.focus('#w-equity');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#o-equity')).toBe('3');
    await Promise.all([page.waitForURL(/\/compare\?/), page.click('form.pick button[type=submit]')]);
    expect(new URL(page.url()).searchParams.get('equity')).toBe('3');
    await expect.poll(() => page.textContent('h1')).toContain('Lancashire');
    expect(await page.textContent('#ranking')).toContain('Lancashire (your council)');
    expect(await page.textContent('#position')).toMatch(/Lancashire ranks \d+ of the \d+ councils ranked/);

    // Moving a slider redraws the comparison without a reload, and the pack links follow the weights.
    const before = await page.textContent('#ranking tbody');
    await page.focus('#w-quality');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.textContent('#live-status'), { timeout: 10_000 }).toMatch(/Comparison updated for weights choice=1, equity=3, quality=4, suitability=1/);
    expect(new URL(page.url()).searchParams.get('quality')).toBe('4');
    expect(await page.getAttribute('a[data-pack=zip]', 'href')).toContain(encodeURIComponent('quality=4'));
    expect(await page.textContent('#ranking tbody')).not.toBe(before);
    // The sensitivity table follows too: the local council's chance of keeping its rank matches the sentence.
    const kept = /keeps that rank (\d+)%/.exec((await page.textContent('#position')) ?? '')?.[1];
    expect(kept).toBeDefined();
    expect(await page.textContent('#sensitivity tr.local')).toContain(`${kept}%`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, 'workshop-page.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('a[data-pack=zip]')]);
    expect(download.suggestedFilename()).toMatch(/^sbb-pack-E10000017-all\.zip$/);
    const saved = join(OUT, 'workshop-download.zip');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('reflows to 320 CSS pixels without scrolling sideways (WCAG 1.4.10); wide tables scroll in their own region', async () => {
    const page = await web.browser.newPage({ viewport: { width: 320, height: 800 } });
    for (const path of ['/', '/compare?council=E10000017']) {
      await page.goto(web.url + path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('works with JavaScript off: the form submits and the page says what was wrong', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${web.url}/`);
    await page.selectOption('#council', 'E06000019');
    await page.selectOption('#group', 'region');
    await Promise.all([page.waitForURL(/\/compare\?/), page.click('form.pick button[type=submit]')]);
    expect(await page.textContent('h1')).toBe('Herefordshire, County of: compared with Councils in West Midlands');
    const bad = await page.goto(`${web.url}/compare?council=E10000017&equity=9`);
    expect(bad?.status()).toBe(400);
    expect(await page.textContent('[role=alert]')).toMatch(/"equity": a whole number from 0 to 5/);
    await context.close();
  }, 60_000);
});
