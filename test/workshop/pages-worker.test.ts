// The workshop pages on the Worker (wrangler's bundle on Miniflare, D1 from the shared migrations): join and score
// with plain forms, the facilitator's page polled with the ETag (no server-sent events there: the page does not ask
// for them and the route says 501), "you said, we did" as HTML, and its PDF a plain 501 page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/node/data-files.js';
import { createD1Driver } from '../../src/store/drivers/d1.js';
import { migrate } from '../../src/store/migrate.js';
import { builtDb, runCli, tempDir } from '../support/temp-db.js';
import { bundleWorker, d1Of, executeSqlFile } from '../support/worker-on-d1.js';

const TOKEN = 'pages-worker-token';

describe('the workshop pages on the Worker', () => {
  const t = tempDir('sbb-worker-workshop-pages-');
  let mf: Miniflare;

  beforeAll(async () => {
    const db = await builtDb();
    const file = join(t.dir, 'sbb.sql');
    const exported = await runCli('db', 'export-sql', '--db', db.path, '--out', file);
    expect(exported.code, exported.stderr).toBe(0);
    db.cleanup();
    mf = new Miniflare({ modules: true, script: bundleWorker(t.dir), compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'], d1Databases: { DB: 'test' }, bindings: { SBB_WRITE_TOKEN: TOKEN } });
    const d1 = await d1Of(mf);
    await migrate(createD1Driver(d1), loadMigrations());
    await executeSqlFile(d1, readFileSync(file, 'utf8'));
  }, 240_000);

  afterAll(async () => {
    await mf?.dispose();
    t.cleanup();
  });

  const get = async (path: string, init: { method?: string; cookie?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { Accept: 'text/html', ...init.headers };
    if (init.cookie) headers.Cookie = init.cookie;
    if (init.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = (await mf.dispatchFetch(`http://worker.test${path}`, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' } as never)) as unknown as Response;
    return { res, status: res.status, text: await res.text(), location: res.headers.get('location') ?? '', cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
  };

  it('creates from the page with the token, joins, scores, and polls the totals with the ETag', async () => {
    const made = await get('/workshops/new', { form: { council: 'E10000017', group: 'sn2025', theme: 'all', weights: '', title: 'On the Worker', token: TOKEN } });
    expect(made.status).toBe(303);
    const code = /^\/w\/([A-Z2-9-]+)\/facilitate/.exec(made.location)![1]!;
    const fac = made.cookie;
    expect(fac).toMatch(/^sbb_facilitator=wf_/);

    const page = await get(`/w/${code}/facilitate`, { cookie: fac });
    expect(page.status).toBe(200);
    expect(page.res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.text).toContain(`data-src="/w/${code}/facilitate/live"`);
    expect(page.text).not.toContain('data-events=');
    expect((await get(`/w/${code}/facilitate/events`, { cookie: fac })).status).toBe(501);

    const live = await get(`/w/${code}/facilitate/live`, { cookie: fac });
    const etag = live.res.headers.get('etag')!;
    expect((await get(`/w/${code}/facilitate/live`, { cookie: fac, headers: { 'If-None-Match': etag } })).status).toBe(304);

    const joined = await get(`/w/${code}/join`, { form: { role: 'young_person' } });
    expect(joined.status).toBe(303);
    const option = joined.location;
    expect((await get(option, { cookie: joined.cookie })).text).toContain('<legend>Choice: ');
    const scored = await get(option, { cookie: joined.cookie, form: { 'f-choice': '5', comment: '<b>hi</b>' } });
    expect(scored.status).toBe(303);

    const after = await get(`/w/${code}/facilitate/live`, { cookie: fac, headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.text).toContain('Young person 1');
    const doc = await get(`/w/${code}/you-said-we-did.html`, { cookie: fac });
    expect(doc.status).toBe(200);
    expect(doc.text).toContain('1 person took part: 1 young person.');
    const pdf = await get(`/w/${code}/you-said-we-did.pdf`, { cookie: fac });
    expect(pdf.status).toBe(501);
    expect(pdf.text).toContain('PDFs are printed where the service runs on Node');
  }, 120_000);
});
