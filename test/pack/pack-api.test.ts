// GET /api/packs/:code.zip|.pdf|.html on the real server on 127.0.0.1: a tagged PDF with page numbers and
// bookmarks, a ZIP whose manifest matches its files, clear errors, and 501 where no pack builder is given (Workers).
import { serve } from '@hono/node-server';
import { unzipSync } from 'fflate';
import type { AddressInfo } from 'node:net';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import type { Store } from '../../src/store/store.js';
import { builtDb } from '../support/temp-db.js';

const sha256 = async (b: Uint8Array) => Buffer.from(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>)).toString('hex');

describe('GET /api/packs', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  let store: Store;
  let server: RunningServer;
  const get = (path: string) => fetch(server.url + path);

  beforeAll(async () => {
    db = await builtDb();
    store = await openDatabase(db.path, { readonly: true });
    server = await startServer(store, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server?.close();
    await store?.driver.close();
    db?.cleanup();
  });

  it('.pdf is a tagged PDF with bookmarks for the sections and "Page N of M" on every page', async () => {
    const res = await get('/api/packs/E10000017.pdf?theme=holidays');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="sbb-pack-E10000017-holidays.pdf"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo\s*<<[^>]*\/Marked true/);
    expect(raw).toContain('/Lang (en-GB)');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBeGreaterThan(8);
    text.forEach((t, i) => expect(t).toContain(`Page ${i + 1} of ${totalPages}`));
    expect(text[0]).toContain('Short breaks options for Lancashire');
    const outline = (await pdf.getOutline()) ?? [];
    const titles = JSON.stringify(outline.map((o) => [o.title, o.items.map((i) => i.title)]));
    for (const s of ['The case for change', 'The local baseline', 'Evidence from comparators', 'Sources']) expect(titles).toContain(s);
  });

  it('.zip holds the pack, its PDF, the easy read, the data annex and a manifest whose hashes match; the PDF is the same as /api/packs/CODE.pdf', async () => {
    const res = await get('/api/packs/888.zip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sbb-pack-E10000017-all.zip"');
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(['manifest.json', 'pack.html', 'pack.pdf', 'easy-read.html', 'easy-read.pdf', 'data/offers.csv', 'data/scores.csv', 'data/metrics.csv', 'data/options.csv', 'data/sources.csv', 'data/annex.xlsx']);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    for (const f of manifest.files) expect(await sha256(entries[f.path]!), f.path).toBe(f.sha256);
    const pdf = new Uint8Array(await (await get('/api/packs/E10000017.pdf')).arrayBuffer());
    expect(Buffer.from(pdf).equals(Buffer.from(entries['pack.pdf']!))).toBe(true);
  });

  it('.html is the pack page; bad requests get the error envelope naming the problem', async () => {
    const html = await get('/api/packs/E10000017.html?group=sn2021&theme=access&weights=equity-first');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await html.text();
    expect(page).toContain('DfE statistical neighbours (2021 model)');
    expect(page).toContain('How families get short breaks');
    const cases: Array<[string, number, string]> = [
      ['/api/packs/E10000017.docx', 404, 'format'],
      ['/api/packs/E10000017', 404, 'format'],
      ['/api/packs/E99999999.html', 404, 'code'],
      ['/api/packs/E10000017.html?theme=sunshine', 400, 'theme'],
      ['/api/packs/E10000017.html?group=friends', 400, 'group'],
      ['/api/packs/E10000017.html?weights=kindness=1', 400, 'weights'],
      ['/api/packs/E10000017.html?size=big', 400, 'size'],
      ['/api/packs/E10000017.html?theme=all&theme=overnight', 400, 'theme'],
      ['/api/packs/E10000017.html?return_by=2027-02-30', 400, 'return_by'],
      ['/api/packs/E10000017.html?return_by=soon', 400, 'return_by'],
    ];
    for (const [path, status, field] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      const body = (await res.json()) as { ok: boolean; status: number; error: string; errors: Array<{ field: string }> };
      expect(body, path).toMatchObject({ ok: false, status });
      expect(body.errors.map((e) => e.field), path).toContain(field);
    }
  });

  it('the easy read in the ZIP says by when and to whom its card goes back, as the request gives them', async () => {
    const res = await get(`/api/packs/E10000017.zip?theme=holidays&return_by=2027-01-15&contact=${encodeURIComponent('Parent Carer Forum, forum@example.org')}`);
    expect(res.status).toBe(200);
    const easy = new TextDecoder().decode(unzipSync(new Uint8Array(await res.arrayBuffer()))['easy-read.html']);
    expect(easy).toContain('Please give it back by 15 January 2027.');
    expect(easy).toContain('Who to contact: Parent Carer Forum, forum@example.org');
  });

  it('answers 501 with the error envelope where the runtime has no pack builder, as on Workers', async () => {
    const app = createApp({ storeFor: () => store });
    const bare = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => bare.once('listening', r));
    try {
      for (const format of ['zip', 'pdf', 'html']) {
        const res = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/packs/E10000017.${format}`);
        expect(res.status).toBe(501);
        expect(await res.json()).toMatchObject({ ok: false, status: 501, error: expect.stringContaining('sbb pack') });
      }
    } finally {
      await new Promise((r) => bare.close(r));
    }
  });
});
