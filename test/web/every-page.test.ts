// Every page in a real Chromium at 1280 and 375 CSS pixels, on screen and in print: a screenshot of each under
// test/out/pages/, no sideways scrolling (scrollWidth within the viewport, and at 320 too), and no WCAG 2.2 A or AA
// violation (axe-core) in either medium. Error pages included: a browser never gets JSON outside /api/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { axeViolations } from '../support/axe.js';
import { servedInChromium } from '../support/served-in-chromium.js';

const OUT = join(PROJECT_ROOT, 'test', 'out', 'pages');
const web = servedInChromium();

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

const PAGES: Array<[string, string, number]> = [
  ['home', '/', 200],
  ['councils', '/councils', 200],
  ['council-lancashire', '/councils/E10000017', 200],
  ['council-dudley', '/councils/E08000027', 200],
  ['council-not-found', '/councils?q=lancs', 404],
  ['compare', '/compare?council=E10000017', 200],
  ['compare-problem', '/compare?peers=E10000019%2C+E99999999&equity=9', 400],
  ['coverage', '/coverage', 200],
  ['accessibility', '/accessibility', 200],
  ['not-found', '/nope', 404],
];

describe('every page, at 1280 and 375 CSS pixels, on screen and in print', () => {
  for (const width of [1280, 375]) {
    it.each(PAGES)(`%s (%s) at ${width} px`, async (name, path, status) => {
      const page = await web.browser.newPage({ viewport: { width, height: 900 } });
      const response = await page.goto(web.url + path);
      expect(response?.status()).toBe(status);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: true });
      expect(await axeViolations(page), `${path} on screen`).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await axeViolations(page), `${path} in print`).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it.each(PAGES)('%s (%s) reflows to 320 CSS pixels (WCAG 1.4.10)', async (_name, path) => {
    const page = await web.browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(web.url + path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    await page.close();
  }, 60_000);
});
