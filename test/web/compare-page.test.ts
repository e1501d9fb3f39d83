// The comparison page in a real Chromium over the shipped data: results first; unranked councils with no overall
// score and no rank, only what is known and why; the council's own offer in a few lines; every measure beside the
// group, region and England; a chart of the scores in inline SVG with JavaScript off; GOV.UK errors that keep what
// was typed; tracking parameters ignored; HTML 404s for browsers while the API keeps JSON; the accessibility statement.
import { describe, expect, it } from 'vitest';
import { servedInChromium } from '../support/served-in-chromium.js';

const web = servedInChromium();

interface Member {
  code: string;
  name: string;
  rank: number | null;
  composite: number | null;
  offers_found: number;
  is_local: boolean;
}
interface Compare {
  members: Member[];
  context: { metrics: Array<{ label: string }> };
  council: { name: string; region_name: string };
}

describe('the comparison page', () => {
  it('puts the results first, and shows unranked councils with no overall score and no rank, only what is known and why', async () => {
    const r = ((await (await fetch(`${web.url}/api/compare/E10000017?samples=0`)).json()) as { data: Compare }).data;
    const unranked = r.members.filter((m) => m.rank === null);
    const ranked = r.members.filter((m) => m.rank !== null);
    expect(unranked.length, 'the shipped data leaves a neighbour of Lancashire unranked').toBeGreaterThan(0);

    const context = await web.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${web.url}/compare?council=E10000017`);
    // Results first: the position, the council's own offer and the ranking come before the form.
    const order = await page.evaluate(() => ['#position', '#own-offer', '#ranking', '#measures', 'form.pick'].map((s) => document.querySelector(s)!.getBoundingClientRect().top));
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    expect(await page.locator('#ranking tbody tr').count()).toBe(ranked.length);
    const ranking = (await page.textContent('#ranking')) ?? '';
    const unrankedText = (await page.textContent('#unranked')) ?? '';
    for (const m of unranked) {
      expect(ranking).not.toContain(m.name);
      expect(unrankedText).toContain(m.name);
      expect(unrankedText).toMatch(/below the 50% needed to rank|no input is known/);
      if (m.composite !== null) expect(unrankedText).not.toContain(m.composite.toFixed(1));
    }
    expect(await page.locator('#unranked th[scope=col]').allTextContents()).not.toContain('Overall');
    expect(await page.locator('#unranked th[scope=col]').allTextContents()).not.toContain('Rank');

    // The council's own offer in a few lines.
    const own = await page.locator('#own-offer li').allTextContents();
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThanOrEqual(5);
    expect(own[0]).toContain(`${r.members.find((m) => m.is_local)!.offers_found} offers found`);

    // Every measure beside the group, the region and England.
    expect(await page.locator('#measures tbody tr').count()).toBe(r.context.metrics.length);
    expect(await page.locator('#measures th[scope=col]').allTextContents()).toEqual(['Measure', 'Lancashire', 'Group median', 'Region median', 'England median', 'Known in group']);
    expect(await page.textContent('#measures caption')).toContain(r.council.region_name);

    // The chart: inline SVG, no script, a bar per ranked council and none for the unranked.
    expect(await page.locator('svg#score-chart[role=img]').count()).toBe(1);
    expect(await page.locator('svg#score-chart rect').count()).toBe(ranked.length);
    const desc = (await page.textContent('#score-chart-desc')) ?? '';
    for (const m of unranked) expect(desc).not.toContain(m.name);
    expect(await page.textContent('figure.chart figcaption')).toContain(`not ranked: ${unranked.map((m) => m.name).join(', ')}`);
    await context.close();
  }, 60_000);

  it('ignores tracking parameters (utm_*, fbclid, gclid) on its pages', async () => {
    for (const path of ['/compare?council=E10000017&utm_source=newsletter&utm_medium=email', '/compare?council=E10000017&fbclid=abc&gclid=def', '/councils/E10000017?utm_campaign=x', '/?utm_source=x']) {
      const res = await fetch(web.url + path, { headers: { Accept: 'text/html' } });
      expect(res.status, path).toBe(200);
    }
    const page = await web.browser.newPage();
    await page.goto(`${web.url}/compare?council=E10000017&utm_source=newsletter`);
    expect(await page.textContent('h1')).toContain('Lancashire');
    await page.close();
  }, 60_000);

  it('follows the GOV.UK error pattern: "There is a problem" linked to the field, and the typed comparator list kept', async () => {
    const page = await web.browser.newPage();
    const res = await page.goto(`${web.url}/compare?council=&peers=${encodeURIComponent('E10000019, 884')}&group=region&equity=3`);
    expect(res?.status()).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.textContent('.error-summary h2')).toBe('There is a problem');
    expect(await page.getAttribute('.error-summary a', 'href')).toBe('#council');
    expect(await page.textContent('#council-error')).toContain('Choose a council');
    expect(await page.getAttribute('#council', 'aria-describedby')).toContain('council-error');
    expect(await page.inputValue('#peers')).toBe('E10000019, 884');
    expect(await page.inputValue('#group')).toBe('region');
    expect(await page.inputValue('#w-equity')).toBe('3');
    await page.click('.error-summary a');
    expect(await page.evaluate(() => location.hash)).toBe('#council');

    // A comparator that is not a council is named, with the field, instead of "ranks 1 of 1 ... robust".
    await page.goto(`${web.url}/compare?council=E10000017&peers=${encodeURIComponent('E10000019, E99999999')}`);
    expect(await page.textContent('.error-summary')).toContain('"E99999999" in your own list is not a council');
    expect(await page.getAttribute('.error-summary a', 'href')).toBe('#peers');
    expect(await page.inputValue('#peers')).toBe('E10000019, E99999999');
    expect(await page.locator('#position').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('gives browsers HTML 404 and 400 pages, while the API keeps JSON', async () => {
    const html = { headers: { Accept: 'text/html,application/xhtml+xml' } };
    const nope = await fetch(`${web.url}/nope`, html);
    expect(nope.status).toBe(404);
    expect(nope.headers.get('content-type')).toMatch(/^text\/html/);
    expect(nope.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await nope.text()).toContain('Page not found');
    const bad = await fetch(`${web.url}/compare?council=E10000017&equity=9`, html);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^text\/html/);
    for (const path of ['/api/nope', '/api/compare/E99999999', '/api/councils/E99999999', '/-/nope']) {
      const res = await fetch(web.url + path, html);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(((await res.json()) as { ok: boolean }).ok, path).toBe(false);
    }
    // Hostile or odd input is a page saying what was wrong, never a 500.
    const many = Array.from({ length: 300 }, (_, i) => `nowhere${i}`).join(',');
    for (const [path, status] of [['/councils/100%25', 404], ['/councils/%E0%A4%A', 404], [`/councils/${'x'.repeat(3000)}`, 404], [`/compare?council=E10000017&peers=${many}`, 400], ['/councils?q=a&q=b', 400], ['/compare?council=E10000017&council=888', 400]] as const) {
      const res = await fetch(web.url + path, html);
      expect(res.status, path.slice(0, 60)).toBe(status);
      expect(await res.text(), path.slice(0, 60)).toContain('There is a problem');
    }
    const noBrowser = await fetch(`${web.url}/nope`);
    expect(noBrowser.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('has an accessibility statement linked from the footer of every page', async () => {
    const page = await web.browser.newPage();
    for (const path of ['/', '/compare?council=E10000017', '/councils/E10000017', '/coverage', '/nope']) {
      await page.goto(web.url + path);
      expect(await page.getAttribute('footer a:text-is("Accessibility statement")', 'href'), path).toBe('/accessibility');
    }
    await page.goto(`${web.url}/accessibility`);
    expect(await page.textContent('h1')).toBe('Accessibility statement');
    expect(await page.textContent('main')).toContain('WCAG 2.2');
    await page.close();
  }, 60_000);
});
