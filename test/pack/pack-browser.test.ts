// The packs in a real Chromium: the HTML served by the real server on 127.0.0.1 and the easy-read companion pass
// axe-core's WCAG 2.2 A/AA rules with no violations, and scraped text holding markup or script is shown as text,
// never run. One browser for the file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import { buildPackFromStore } from '../../src/node/pack-builder.js';
import { launchChromium } from '../../src/pack/render/pdf-chromium.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { migrate } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';
import { axeViolations } from '../support/axe.js';
import { EXAMPLESHIRE, SAMPLETOWN, syntheticBundle, syntheticOffer, taxonomy } from '../support/synthetic-reference.js';
import { builtDb, tempDir } from '../support/temp-db.js';

const OUT = join(PROJECT_ROOT, 'test', 'out');
describe('packs in Chromium', () => {
  let browser: Browser;
  let db: Awaited<ReturnType<typeof builtDb>>;
  let store: Store;
  let server: RunningServer;

  beforeAll(async () => {
    [browser, db] = await Promise.all([launchChromium(), builtDb()]);
    store = await openDatabase(db.path, { readonly: true });
    server = await startServer(store, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server?.close();
    await store?.driver.close();
    await browser?.close();
    db?.cleanup();
  });

  it('the pack served at /api/packs/E10000017.html has no WCAG 2.2 A or AA violations (axe-core), on screen and in print', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${server.url}/api/packs/E10000017.html`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('Short breaks option pack: Lancashire (The whole short breaks offer)');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await axeViolations(page)).toEqual([]);
    // Printed on A4 with 15 mm margins (180 mm, 680 px): nothing may be wider, or Chromium shrinks every page to fit.
    await page.setViewportSize({ width: 680, height: 1000 });
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 681).map((e) => e.tagName + (e.className ? `.${String(e.className)}` : '')).slice(0, 5));
    expect(wide).toEqual([]);
    await page.close();
  });

  it('the easy-read companion has no WCAG 2.2 A or AA violations, on screen and in print, and uses large type', async () => {
    const pack = await buildPackFromStore(store, 'E10000017', { theme: 'holidays' });
    const page = await browser.newPage();
    await page.setContent(new TextDecoder().decode(pack.files.find((f) => f.path === 'easy-read.html')!.data));
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    const px = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize));
    expect(px).toBeGreaterThanOrEqual(20);
    await page.close();
  });

  it('the pack preview and the easy read reflow to 320 px: no sideways scrolling, stacked tables keep each column\'s name (screenshots at 375 and 1280 px)', async () => {
    mkdirSync(OUT, { recursive: true });
    const pack = await buildPackFromStore(store, 'E10000017', {});
    const easy = new TextDecoder().decode(pack.files.find((f) => f.path === 'easy-read.html')!.data);
    for (const width of [320, 375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}/api/packs/E10000017.html`);
      const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(fit.scroll, `pack at ${width} px`).toBeLessThanOrEqual(fit.view);
      if (width !== 320) await page.screenshot({ path: join(OUT, `pack-preview-${width}.png`), fullPage: width === 375 });
      // On a phone a table's cells stack, each led by its column's name; on a desktop they stay a table.
      const cell = await page.evaluate(() => {
        const td = [...document.querySelectorAll('table.scores tbody td')].find((x) => x.getAttribute('data-label') === 'Evidence')!;
        return { display: getComputedStyle(td).display, before: getComputedStyle(td, '::before').content };
      });
      if (width < 640) expect(cell).toEqual({ display: 'block', before: '"Evidence: "' });
      else expect(cell.display).toBe('table-cell');
      await page.setContent(easy);
      const easyFit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(easyFit.scroll, `easy read at ${width} px`).toBeLessThanOrEqual(easyFit.view);
      if (width !== 320) await page.screenshot({ path: join(OUT, `easy-read-${width}.png`), fullPage: width === 375 });
      await page.close();
    }
  });

  it('the easy read of a council with no offers found, and its pack, have no WCAG 2.2 A or AA violations on screen or in print', async () => {
    const pack = await buildPackFromStore(store, 'E06000005', {});
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    for (const path of ['easy-read.html', 'pack.html']) {
      await page.setContent(new TextDecoder().decode(pack.files.find((f) => f.path === path)!.data));
      expect(await axeViolations(page), `${path} on screen`).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await axeViolations(page), `${path} in print`).toEqual([]);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  });

  it('shows scraped markup and script as text and never runs it', async () => {
    const t = tempDir('sbb-pack-hostile-');
    const hostile = createStore(createBetterSqliteDriver(join(t.dir, 'hostile.sqlite')));
    try {
      await migrate(hostile.driver, loadMigrations());
      await hostile.loadReference(syntheticBundle(), taxonomy);
      await hostile.importRecords(
        [
          syntheticOffer(),
          syntheticOffer({
            id: 'sampletown-hostile',
            council_code: SAMPLETOWN,
            name: '<img src=x onerror="window.__pwned=1">Holiday <b>fun</b>',
            description: '<script>window.__pwned=2</script>Play all day',
            eligibility: '"><svg onload="window.__pwned=3">',
            evidence_quote: '</dd><script>window.__pwned=4</script>',
            type: 'holiday_play_scheme',
            time_slots: ['school_holiday'],
            source: { url: 'https://sampletown.example/holidays?q=<script>x</script>', title: '<i>Holidays</i>', kind: 'local_offer_page' },
          }),
        ],
        { files: ['synthetic'] },
        new Date('2026-11-22T12:00:00Z'),
      );
      const pack = await buildPackFromStore(hostile, EXAMPLESHIRE, {});
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.setContent(new TextDecoder().decode(pack.files.find((f) => f.path === 'pack.html')!.data));
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('script, img, [onerror], [onload], b, i').count()).toBe(0);
      const card = page.locator('article.card', { hasText: 'Sampletown' });
      await expect(card.locator('h3').innerText()).resolves.toContain('<img src=x onerror="window.__pwned=1">Holiday <b>fun</b>');
      await expect(card.innerText()).resolves.toContain('<script>window.__pwned=2</script>Play all day');
      await expect(card.innerText()).resolves.toContain('</dd><script>window.__pwned=4</script>');
      expect(await card.locator('a[href^="https://sampletown.example/"]').innerText()).toBe('<i>Holidays</i>');
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      await page.close();
    } finally {
      await hostile.driver.close();
      t.cleanup();
    }
  });
});
