// Where workshop data lives on Node: a file of its own beside the database, so participants can write while
// `sbb serve` runs without SBB_WRITE_TOKEN (the main file read-only), and `sbb db build --fresh` or `db migrate`
// never touch what the room gave.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/temp-db.js';
import { workshopServer } from '../support/workshop-server.js';

const served = workshopServer({ writeToken: '' });

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(served.url + path, { method, headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ field?: string }> } };
};

describe('a server started without SBB_WRITE_TOKEN', () => {
  let w: { code: string; facilitator_key: string; join_link: string };
  const results = () => call('GET', `/api/workshops/${w.code}/results`, undefined, { 'X-Facilitator-Key': w.facilitator_key });

  it('does not create workshops over HTTP (403), but `sbb workshop create` does, beside the database', async () => {
    const refused = await call('POST', '/api/workshops', { council: 'E10000017' }, { Authorization: 'Bearer anything' });
    expect(refused.status).toBe(403);
    const out = await runCli('workshop', 'create', 'E10000017', '--db', served.dbPath, '--title', 'Lancashire short breaks', '--json');
    expect(out.code, out.stderr).toBe(0);
    w = JSON.parse(out.stdout);
    expect(w.join_link).toMatch(/\/w\/[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(existsSync(served.workshopPath)).toBe(true);
    const list = await runCli('workshop', 'list', '--db', served.dbPath);
    expect(list.stdout).toContain('Lancashire short breaks');
    expect(list.stdout).not.toContain(w.facilitator_key);
  });

  it('takes joins and scores while the main database is open read-only', async () => {
    const workshop = (await call('GET', `/api/workshops/${w.code}`)).body.data;
    for (const role of ['parent_carer', 'young_person', 'provider']) {
      const key = (await call('POST', `/api/workshops/${w.code}/participants`, { role })).body.data.participant_key;
      const scores = workshop.options.slice(0, 3).flatMap((o: { id: string }) => workshop.factors.map((f: { id: string }) => ({ option: o.id, factor: f.id, score: 4 })));
      expect((await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores })).status).toBe(200);
    }
    const r = (await results()).body.data;
    expect(r.participants.total).toBe(3);
    expect(r.options[0]).toMatchObject({ responses: 18, mean: 4, participants: 3 });
  });

  it('keeps every workshop through `sbb db build --fresh` and `sbb db migrate`, and across a restart', async () => {
    const before = (await results()).body.data;
    const build = await runCli('db', 'build', '--fresh', '--db', served.dbPath);
    expect(build.code, build.stderr).toBe(0);
    expect((await results()).body.data.options).toEqual(before.options);
    const migrate = await runCli('db', 'migrate', '--db', served.dbPath);
    expect(migrate.code, migrate.stderr).toBe(0);
    await served.restart({ writeToken: '' });
    const after = (await results()).body.data;
    expect(after.options).toEqual(before.options);
    expect(after.participants).toEqual(before.participants);
    const cli = await runCli('workshop', 'results', w.code, '--key', w.facilitator_key, '--format', 'csv', '--db', served.dbPath);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout.split('\n')[1]).toMatch(/,3,18,4,/);
  });

  it('leaves workshops out of `sbb db export-sql`, so loading data into D1 (even with --clear) never replaces them', async () => {
    const file = join(served.dir, 'export.sql');
    const out = await runCli('db', 'export-sql', '--db', served.dbPath, '--out', file, '--clear');
    expect(out.code, out.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/DELETE FROM "offers"/);
    expect(text).not.toMatch(/(INSERT INTO|DELETE FROM) "?workshop/);
  });

  it('closes and deletes from the command line with the facilitator key only', async () => {
    expect((await runCli('workshop', 'close', w.code, '--key', 'wf_wrong', '--db', served.dbPath)).code).toBe(1);
    expect((await runCli('workshop', 'close', w.code, '--key', w.facilitator_key, '--db', served.dbPath)).code).toBe(0);
    expect((await call('POST', `/api/workshops/${w.code}/participants`, { role: 'other' })).status).toBe(409);
    expect((await runCli('workshop', 'delete', w.code, '--key', w.facilitator_key, '--db', served.dbPath)).code).toBe(0);
    expect((await call('GET', `/api/workshops/${w.code}`)).status).toBe(404);
  });
});
