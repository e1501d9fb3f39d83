// `sbb coverage [--json]` on a database built from data/: England's totals first, then every council, with nothing
// found said as such; --json prints the report GET /api/coverage serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDb, runCli } from '../support/temp-db.js';

describe('sbb coverage', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb();
  }, 60_000);
  afterAll(() => db?.cleanup());

  it("prints England's totals, then a line per council", async () => {
    const { code, stdout, stderr } = await runCli('coverage', '--db', db.path);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('England: 153 councils');
    expect(stdout).toMatch(/with an entry point +\d+/);
    expect(stdout).toMatch(/rankable in their group +\d+ +\(DfE statistical neighbours \(2025 model\)/);
    const header = lines.findIndex((l) => l.startsWith('code '));
    expect(header).toBeGreaterThan(0);
    expect(lines[header]).toMatch(/^code +council +entry_points +records +offers +evidence +newest_published +newest_read +ranked$/);
    expect(lines.slice(header + 2).filter((l) => /^E\d{8} /.test(l))).toHaveLength(153);
    // A council with no records: a count of 0, and no date or coverage pretending to be one.
    const empty = lines.find((l) => /^E\d{8} .* 0 +0 +none found yet +none found yet +none found yet +no$/.test(l));
    expect(empty).toBeDefined();
  });

  it('prints the same report as JSON with --json', async () => {
    const { code, stdout } = await runCli('coverage', '--json', '--db', db.path);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.england.councils).toBe(153);
    expect(r.councils).toHaveLength(153);
    expect(r.group).toEqual({ id: 'sn2025', name: 'DfE statistical neighbours (2025 model)' });
    expect(r.england.rankable).toBe(r.councils.filter((c: { rankable: boolean }) => c.rankable).length);
  });

  it('exits 1 naming a database that is missing', async () => {
    const { code, stderr } = await runCli('coverage', '--db', `${db.dir}/missing.sqlite`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sbb: .*missing\.sqlite/);
  });
});
