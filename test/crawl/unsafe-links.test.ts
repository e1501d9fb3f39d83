// Links and source URLs that are not http(s) on a scraped page (javascript:, data:, vbscript:, mailto:, tel:) are
// never followed and never recorded, whatever the adapter hands back: the registry and the crawler drop them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../scrapers/adapters/adapter.js';
import { buildOffers } from '../../scrapers/adapters/offer-builder.js';
import { createAdapterRegistry } from '../../scrapers/adapters/registry.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';

const UNSAFE = ['javascript:alert(1)', 'JaVaScRiPt:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'mailto:club@exampleshire.example', 'tel:01632960000'];

const PAGE = `<!doctype html><html><head><title>Exampleshire short breaks</title></head><body>
${UNSAFE.map((u, i) => `<a href="${u.replace(/"/g, '&quot;')}">Club ${i}</a>`).join('\n')}
<a href="/next">Next page</a></body></html>`;

/** A careless adapter: follows every href on the page and records one offer per link, its source the link itself. */
const carelessAdapter: Adapter = {
  name: 'careless',
  parse(page) {
    const hrefs = [...(page.text ?? '').matchAll(/href="([^"]+)"/g)].map((m) => new URL(m[1]!.replace(/&quot;/g, '"'), page.finalUrl).href);
    const drafts = hrefs.map((u, i) => ({ external_id: `club-${i}`, name: `Club ${i}`, url: u, contact: { url: u, phone: '01632 960000' } }));
    const built = buildOffers(drafts, page, 'careless');
    // And a record made by hand, bypassing the builder, with a javascript: source.
    const raw = { ...built.records[0]!, id: 'careless:raw', source: { url: 'javascript:alert(2)', kind: 'local_offer_page' as const } };
    return { records: [...built.records, raw], links: hrefs.map((url) => ({ url, label: 'page' })), layout: 'ok', problems: built.problems };
  },
};

describe('links and source URLs that are not http(s)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('are never followed and never recorded', async () => {
    h.server.routes({
      '/': { kind: 'static', body: PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } },
      '/next': { kind: 'static', body: '<html><head><title>Next</title></head><body>no links</body></html>', headers: { 'content-type': 'text/html; charset=utf-8' } },
    });
    const followed: string[] = [];
    const r = await h.scrape([], {
      urls: [{ url: `${h.server.url}/`, councilCode: COUNCIL, adapter: 'careless' }],
      adapters: createAdapterRegistry([carelessAdapter]),
      onPage: (e) => followed.push(e.item.url),
    });
    expect(r.status).toBe('completed');
    // The http link is followed; none of the others is even queued.
    expect(followed.sort()).toEqual([`${h.server.url}/`, `${h.server.url}/next`]);
    expect(h.server.requests.map((q) => q.path).filter((p) => p !== '/robots.txt').sort()).toEqual(['/', '/next']);

    const offers = await h.store.offersOf(COUNCIL);
    expect(offers.length).toBeGreaterThan(0);
    for (const o of offers) {
      expect(o.source.url, o.id).toMatch(/^https?:\/\//);
      if (o.kind === 'offer' && o.contact?.url) expect(o.contact.url).toMatch(/^https?:\/\//);
      expect(o.contact?.phone, 'the rest of the contact is kept').toBe('01632 960000');
    }
    expect(offers.map((o) => o.id)).not.toContain('careless:raw');
    const stored = JSON.stringify(offers);
    for (const scheme of ['javascript:', 'data:', 'vbscript:', 'mailto:', 'tel:']) expect(stored.toLowerCase()).not.toContain(scheme);
  });
});

describe('an ad-hoc URL to scrape that is not http(s)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('is refused before anything is stored', async () => {
    const before = await h.store.driver.all('SELECT url FROM sources ORDER BY url');
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
      await expect(h.scrape([], { urls: [{ url, councilCode: COUNCIL, adapter: 'careless' }] })).rejects.toMatchObject({ kind: 'invalid', field: 'url', message: expect.stringMatching(/only http: and https: URLs are scraped/) });
    }
    expect(await h.store.driver.all('SELECT url FROM sources ORDER BY url')).toEqual(before);
  });
});
