// A page for each council, in a real Chromium against the real server over the shipped data: found from the home
// page by name (a GET form, JavaScript off), reached from any key the council lookup takes (redirected to the GSS
// code), showing what the API holds for it (offers by type and time slot, facts, inspection, providers, sources with
// dates and status, history) and saying plainly when nothing of its own offer was found; plus the history as JSON.
import { describe, expect, it } from 'vitest';
import { servedInChromium } from '../support/served-in-chromium.js';

const web = servedInChromium();

interface Detail {
  council: { code: string; name: string };
  offers: Array<{ name: string; source: { url: string }; retrieved: string; published: string | null; time_slots: string[] }>;
  facts: Array<{ statement: string }>;
  latest_area_send: { outcome_label: string } | null;
  area_send_findings: unknown[];
  short_break_providers: { total: number };
  sources: Array<{ url: string; records: number; newest_read: string | null; scrape_status: string | null }>;
}
const api = async <T,>(path: string) => ((await (await fetch(web.url + path)).json()) as { data: T }).data;

describe('a page for each council', () => {
  it('is found from the home page by name: "durham", "lancashire", a GSS code; a near miss offers "did you mean"', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${web.url}/`);
    // Council names on the home page link to their pages, not to raw JSON.
    expect(await page.getAttribute('#council-list a:text-is("Lancashire")', 'href')).toBe('/councils/E10000017');
    expect(await page.locator('#council-list a[href^="/api/"]').count()).toBe(0);

    for (const [typed, code, name] of [['durham', 'E06000047', 'County Durham'], ['lancashire', 'E10000017', 'Lancashire'], ['E10000017', 'E10000017', 'Lancashire'], ['888', 'E10000017', 'Lancashire']] as const) {
      await page.goto(`${web.url}/`);
      await page.fill('#q', typed);
      await Promise.all([page.waitForURL(`**/councils/${code}`), page.click('form.search button')]);
      expect(await page.textContent('h1'), typed).toBe(name);
    }

    for (const typed of ['lancs', 'Lancshire']) {
      await page.goto(`${web.url}/`);
      await page.fill('#q', typed);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/councils?q=')), page.click('form.search button')]);
      expect(response.status(), typed).toBe(404);
      expect(await page.title()).toMatch(/^Error: /);
      expect(await page.textContent('.error-summary h2')).toBe('There is a problem');
      expect(await page.getAttribute('.error-summary a', 'href')).toBe('#q');
      expect(await page.inputValue('#q'), 'what was typed is kept').toBe(typed);
      expect(await page.getAttribute('#did-you-mean a', 'href'), typed).toBe('/councils/E10000017');
    }
    await context.close();
  }, 60_000);

  it('takes any form the council lookup takes and redirects to the canonical code', async () => {
    for (const [key, code] of [['888', 'E10000017'], ['durham', 'E06000047'], ['County%20Durham', 'E06000047'], ['e10000017', 'E10000017']]) {
      const r = await fetch(`${web.url}/councils/${key}`, { redirect: 'manual' });
      expect(r.status, key).toBe(301);
      expect(r.headers.get('location'), key).toMatch(new RegExp(`/councils/${code}$`));
    }
    const missing = await fetch(`${web.url}/councils/E99999999`, { headers: { Accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('There is a problem');
  });

  it("shows Lancashire's offers by type and time slot, facts, inspection, providers, sources and history as the API holds them", async () => {
    const d = await api<Detail>('/api/councils/E10000017');
    const history = await api<{ changes: Array<{ offer: string; read: string | null }> }>('/api/councils/E10000017/history');
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/councils/E10000017`);
    expect(await page.textContent('h1')).toBe('Lancashire');
    expect(await page.getAttribute('#council-links a[href^="/compare"]', 'href')).toBe('/compare?council=E10000017');
    expect(await page.getAttribute('#council-links a[href*="/api/packs/"]', 'href')).toBe('/api/packs/E10000017.html');
    expect(await page.textContent('#own-offer')).toContain(`${d.offers.length} offers found`);

    const grid = (await page.textContent('#offer-grid')) ?? '';
    for (const o of d.offers) expect(grid).toContain(o.name);
    expect(grid).toContain('Overnight');
    expect(await page.locator('#offers tbody tr').count()).toBe(d.offers.length);
    for (const o of d.offers) expect(await page.locator(`#offers a[href="${o.source.url}"]`).count()).toBeGreaterThan(0);
    expect(await page.textContent('#offers')).toContain(`read ${d.offers[0]!.retrieved}`);
    expect(await page.locator('#facts tbody tr').count()).toBe(d.facts.length);
    expect(await page.textContent('#inspection')).toContain(d.latest_area_send!.outcome_label);
    expect(await page.locator('#findings tbody tr').count()).toBe(d.area_send_findings.length);
    expect(await page.textContent('#providers caption')).toContain(`${d.short_break_providers.total} in all`);

    // Every source, each with its newest dates and the status of its latest scrape (or that it was never scraped).
    expect(await page.locator('#sources tbody tr').count()).toBe(d.sources.length);
    const sourceRows = await page.locator('#sources tbody tr').allTextContents();
    for (const [i, s] of d.sources.entries()) {
      const row = sourceRows[i]!;
      expect(row).toContain(String(s.records));
      if (s.newest_read) expect(row).toContain(s.newest_read);
      expect(row).toMatch(s.scrape_status ? new RegExp(s.scrape_status.replace(/_/g, ' ')) : /not scraped yet/);
    }

    // The history, dated by when each page was read (never the build date).
    expect(await page.locator('#history tbody tr').count()).toBe(history.changes.length);
    expect(history.changes.length).toBeGreaterThan(0);
    const built = new Date().toISOString().slice(0, 10);
    for (const c of history.changes) expect(c.read).not.toBe(built);
    expect(await page.textContent('#history')).toContain(`${d.offers[0]!.retrieved}`);
    // A feed reader finds the council's change feed from the page, and it lists the same changes.
    const feed = await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', 'href');
    expect(feed).toBe('/api/changes.atom?council=E10000017');
    const atom = await (await fetch(new URL(feed!, page.url()).href + '&_size=1000')).text();
    expect(atom.match(/<entry>/g)?.length).toBe(history.changes.length);
    await page.close();
  }, 60_000);

  it('says plainly when nothing of a council\'s own offer was found', async () => {
    const councils = await api<Array<{ code: string; name: string; offer_count: number }>>('/api/councils?_size=200');
    const empty = councils.find((c) => c.offer_count === 0)!;
    const page = await web.browser.newPage();
    await page.goto(`${web.url}/councils/${empty.code}`);
    expect(await page.textContent('#own-offer')).toContain(`No offer of ${empty.name}'s own was found in what it publishes so far`);
    expect(await page.locator('#offers').count()).toBe(0);
    expect(await page.locator('#history').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('serves the history as JSON at /api/councils/CODE/history: by any key, 404 for an unknown council, 400 for a bad date', async () => {
    const r = await fetch(`${web.url}/api/councils/888/history`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { ok: boolean; data: { council: { code: string }; changes: Array<Record<string, unknown>> }; meta: { count: number } };
    expect(body.ok).toBe(true);
    expect(body.data.council.code).toBe('E10000017');
    expect(body.meta.count).toBe(body.data.changes.length);
    expect(Object.keys(body.data.changes[0]!)).toEqual(expect.arrayContaining(['offer', 'change', 'read', 'published', 'recorded_at', 'changes', 'what']));
    const later = (await (await fetch(`${web.url}/api/councils/E10000017/history?since=2999-01-01`)).json()) as { data: { changes: unknown[] } };
    expect(later.data.changes).toEqual([]);
    const unknown = await fetch(`${web.url}/api/councils/E99999999/history`, { headers: { Accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/json/);
    expect((await fetch(`${web.url}/api/councils/E10000017/history?since=yesterday`)).status).toBe(400);
  });
});
