// A database that holds javascript:, data: and vbscript: URLs (an old one, from before the schemas refused them):
// no page, no pack preview and no pack file makes a link of them; they are shown as escaped text.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromStore } from '../../src/node/pack-builder.js';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import type { Store } from '../../src/store/store.js';
import { builtDb } from '../support/temp-db.js';

const UNSAFE = ['javascript:alert(1)//', 'data:text/html,<script>alert(2)</script>', 'vbscript:msgbox(3)', ' JaVaScRiPt:alert(4)//'];

/** Every href in a document, as a browser reads it (entities decoded, surrounding space and controls stripped). */
function hrefs(doc: string): string[] {
  const decode = (s: string) =>
    s.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&colon;/gi, ':').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  // eslint-disable-next-line no-control-regex
  return [...doc.matchAll(/\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => decode(m[1] ?? m[2] ?? m[3] ?? '').replace(/^[\s\u0000-\u001f]+/, ''));
}
const unsafeLinks = (doc: string) => hrefs(doc).filter((h) => /^(javascript|data|vbscript):/i.test(h.replace(/[\t\n\r]/g, '')) && h !== 'data:,');

describe('URLs that are not http(s) in the database', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let store: Store;
  let server: RunningServer;
  beforeAll(async () => {
    db = await builtDb();
    // Straight into the tables, as an old database might hold them: every source, report and dataset URL.
    const raw = new Database(db.path);
    raw.prepare(`UPDATE sources SET url = (CASE rowid % 4 WHEN 0 THEN ? WHEN 1 THEN ? WHEN 2 THEN ? ELSE ? END) || rowid`).run(...UNSAFE);
    raw.prepare('UPDATE area_send_inspections SET report_url = ? WHERE report_url IS NOT NULL').run(UNSAFE[0]);
    raw.prepare('UPDATE datasets SET source_url = ? WHERE source_url IS NOT NULL').run(UNSAFE[1]);
    raw.close();
    store = await openDatabase(db.path);
    server = await startServer(store, 0, '127.0.0.1', { writeToken: '' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.driver.close();
    db?.cleanup();
  });

  const PAGES = ['/', '/councils', '/councils/E10000017', '/councils/E08000027', '/compare?council=E10000017', '/compare?council=E08000027', '/coverage', '/api/packs/E10000017.html'];

  it.each(PAGES)('%s links none of them, and shows them as escaped text', async (path) => {
    const res = await fetch(server.url + path, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    const doc = await res.text();
    expect(unsafeLinks(doc)).toEqual([]);
    expect(doc).not.toMatch(/<script>alert/i);
    if (path === '/councils/E10000017') {
      expect(doc).toMatch(/(javascript|vbscript|data):/i); // shown, as text
      expect(doc).toContain('Read the report'); // the inspection report, not a link
      expect(hrefs(doc).filter((h) => /^https?:/i.test(h))).toEqual([]); // every URL from data was seeded unsafe
    }
  });

  it('the compare page shows an example offer of a comparator without a link', async () => {
    const doc = await (await fetch(`${server.url}/compare?council=E10000017`)).text();
    expect(doc).toContain('For example');
    expect(unsafeLinks(doc)).toEqual([]);
  });

  it('no file of the pack (HTML, easy read, annex) links any of them', async () => {
    const pack = await buildPackFromStore(store, 'E10000017', {}, { pdf: null });
    const html = pack.files.filter((f) => /html$/.test(f.path));
    expect(html.map((f) => f.path).sort()).toEqual(['easy-read.html', 'pack.html']);
    for (const f of html) {
      const doc = new TextDecoder().decode(f.data);
      expect(unsafeLinks(doc), f.path).toEqual([]);
      expect(doc, f.path).not.toMatch(/<script>alert/i);
    }
  }, 120_000);
});
