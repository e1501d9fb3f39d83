// The scoring engine through the CLI and the HTTP API, on the real database built from data/ (Lancashire against
// its statistical neighbours is the demo case).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb();

describe('sbb compare', () => {
  it('prints a readable table for Lancashire against its statistical neighbours, with coverage shown', async () => {
    const { code, stdout } = await runCli('compare', 'E10000017', '--db', served.db.path);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Lancashire \(E10000017\), North West\nCompared with: DfE statistical neighbours \(2025 model\) \[dfe_sn_2025@2025-05\]/);
    expect(stdout).toMatch(/rank\s+council\s+composite\s+choice\s+equity\s+quality\s+suitability\s+evidence\s+offers/);
    expect(stdout).toMatch(/Lancashire \(local\)/);
    expect(stdout).toMatch(/Lincolnshire/);
    expect(stdout).toMatch(/evidence coverage \d+% is below the 50% needed to rank/);
    expect(stdout).toMatch(/Coverage of the type x time-slot grid/);
    expect(stdout).toMatch(/not known\s+.*no current offer names its provider/);
    expect(stdout).toMatch(/Lancashire ranks \d+ of the \d+ councils ranked/);
    expect(stdout).toMatch(/Method 2026\.\d+\.\d+, taxonomy 2026\.\d+\.\d+/);
  });

  it('explains each score with its formula, inputs and the offers behind it', async () => {
    const { stdout } = await runCli('compare', '888', '--db', served.db.path, '--explain', '--samples', '0');
    expect(stdout).toMatch(/- Coverage of the type x time-slot grid \[choice\]: \d+%/);
    expect(stdout).toMatch(/formula: cells of the reference grid covered/);
    expect(stdout).toMatch(/evidence: Break-time: https:\/\/\S+ \(retrieved \d{4}-\d{2}-\d{2}/);
  });

  it('gives the same JSON twice (deterministic) and CSV with one row per council', async () => {
    const a = await runCli('compare', 'E10000017', '--db', served.db.path, '--format', 'json', '--weights', 'equity=2', '--seed', '3');
    const b = await runCli('compare', 'E10000017', '--db', served.db.path, '--format', 'json', '--weights', 'equity=2', '--seed', '3');
    expect(a.stdout).toBe(b.stdout);
    const r = JSON.parse(a.stdout);
    expect(r).toMatchObject({ method_version: expect.any(String), weights: { spec: 'choice=1,equity=2,quality=1,suitability=1' }, group: { id: 'sn2025' } });
    expect(r.members).toHaveLength(11);
    const csv = parse((await runCli('compare', 'E10000017', '--db', served.db.path, '--format', 'csv')).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(csv).toHaveLength(11);
    expect(csv.find((row) => row.code === 'E10000017')).toMatchObject({ council: 'Lancashire', local: 'yes' });
  });

  it('refuses a wrong argument with an error that names it: exit 1 for wrong input, 2 for a malformed command line', async () => {
    expect(await runCli('compare', 'E10000017', '--db', served.db.path, '--weights', 'kindness=1')).toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown dimension "kindness"/) });
    expect(await runCli('compare', 'E10000017', '--db', served.db.path, '--group', 'friends')).toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown group "friends"/) });
    expect(await runCli('compare', 'Atlantis', '--db', served.db.path)).toMatchObject({ code: 1, stderr: expect.stringMatching(/no council with code "Atlantis"/) });
    expect(await runCli('compare', 'E10000017', '--db', served.db.path, '--format', 'xml')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format: "xml"/) });
    expect(await runCli('score', '--db', served.db.path)).toMatchObject({ code: 2, stderr: expect.stringMatching(/say --all/) });
  });
});

describe('sbb gaps and sbb score --all', () => {
  it('lists the cells Lancashire\'s neighbours cover and it does not, with an exemplar and its source', async () => {
    const { code, stdout } = await runCli('gaps', 'E10000017', '--db', served.db.path);
    expect(code).toBe(0);
    expect(stdout).toMatch(/covered by comparators but not found locally \(\d+\)/);
    expect(stdout).toMatch(/Direct payment.*https:\/\//i);
    expect(stdout).toMatch(/comparators with offers in the data: \d+ of 10/);
  });

  it('scores all 153 councils within their own groups', async () => {
    const rows = parse((await runCli('score', '--all', '--db', served.db.path, '--format', 'csv')).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(153);
    expect(rows.find((r) => r.code === 'E10000017')).toMatchObject({ group: 'sn2025', group_size: '11' });
    // A council with no offers found is not ranked and has no choice score: missing, not zero.
    const stockport = rows.find((r) => r.code === 'E08000007')!;
    expect(stockport).toMatchObject({ rank: '', choice: expect.any(String), equity: '' });
  });
});

describe('scoring over HTTP', () => {
  const get = (path: string) => fetch(served.url + path);

  it('GET /api/compare/:code gives the comparison in the success envelope', async () => {
    const res = await get('/api/compare/E10000017?group=sn2021&weights=quality-first&samples=200&seed=9');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; data: { council: { code: string }; group: { id: string }; sensitivity: { settings: { samples: number } } }; meta: Record<string, unknown> };
    expect(body.ok).toBe(true);
    expect(body.data.council.code).toBe('E10000017');
    expect(body.data.group.id).toBe('sn2021');
    expect(body.data.sensitivity.settings.samples).toBe(200);
    expect(body.meta).toMatchObject({ method_version: expect.any(String), group: 'sn2021', weights: 'choice=1,equity=1,quality=2,suitability=1' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the comparison, gaps and scores as CSV too', async () => {
    for (const path of ['/api/compare/E10000017.csv', '/api/gaps/E10000017.csv', '/api/scores.csv?group=region']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect((parse(await res.text(), { columns: true }) as unknown[]).length, path).toBeGreaterThan(0);
    }
  });

  it('answers a bad parameter with a 400 naming it, and an unknown council with a 404', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/compare/E10000017?weights=kindness=1', 400, 'weights'],
      ['/api/compare/E10000017?group=custom:', 400, 'group'],
      ['/api/compare/E10000017?samples=lots', 400, 'samples'],
      ['/api/compare/E10000017?samples=100001', 400, 'samples'],
      ['/api/compare/E10000017?colour=blue', 400, 'colour'],
      ['/api/compare/E10000017?group=region&group=type', 400, 'group'],
      ['/api/gaps/E10000017?weights=equity=2', 400, 'weights'],
      ['/api/scores?group=%27%3B%20DROP%20TABLE%20offers', 400, 'group'],
      ['/api/compare/E00000000', 404, 'code'],
    ];
    for (const [path, status, field] of cases) {
      const res = await get(path);
      const body = (await res.json()) as { ok: boolean; status: number; errors: Array<{ field: string }> };
      expect(res.status, path).toBe(status);
      expect(body, path).toMatchObject({ ok: false, status });
      expect(body.errors.map((e) => e.field), path).toContain(field);
    }
  });

  it('finds the council through the one lookup: a previous GSS code or a name answers like the current code', async () => {
    for (const [key, code] of [['E08000019', 'E08000039'], ['lancashire', 'E10000017'], ['County%20Durham', 'E06000047']]) {
      const res = await get(`/api/compare/${key}?samples=0`);
      expect(res.status, key).toBe(200);
      expect(((await res.json()) as { data: { council: { code: string } } }).data.council.code, key).toBe(code);
    }
    const near = await get('/api/compare/Lancshire');
    expect(near.status).toBe(404);
    expect(((await near.json()) as { error: string }).error).toMatch(/did you mean Lancashire, E10000017/);
  });
});
