// `sbb council` shows every fact with its source, and `sbb diff` dates a change by when its source was read and when
// the source says it was published, never by when the database was built (issue 16, item 6).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { builtDb, runCli } from '../support/temp-db.js';

let db: Awaited<ReturnType<typeof builtDb>>;
beforeAll(async () => {
  db = await builtDb();
});
afterAll(() => db.cleanup());

describe('sbb council', () => {
  it('gives a source for every fact it prints: the council, neighbours, figures, inspection, providers, offers and facts', async () => {
    const { code, stdout } = await runCli('council', '888', '--db', db.path);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Lancashire \(E10000017, LA 888\), North West\nSource: DfE local authority list/);
    expect(stdout).toMatch(/Statistical neighbours \(DfE 2025 model\)\nSource: DfE children's services statistical neighbours, May 2025 model/);
    expect(stdout).toMatch(/Latest area SEND inspection: .*\nSource: https:\/\/files\.ofsted\.gov\.uk\//);
    expect(stdout).toMatch(/short-break providers in the area: \d+.*\nSource: Ofsted children's social care providers/);
    const section = (title: RegExp) => {
      const start = stdout.search(title);
      const lines = stdout.slice(start).split('\n');
      const end = lines.findIndex((l, i) => i > 2 && l.trim() === '');
      return lines.slice(3, end < 0 ? undefined : end);
    };
    const figures = section(/Reference figures beside/);
    expect(figures.length).toBeGreaterThan(5);
    for (const line of figures) expect(line).toMatch(/\(\d{4}(-\d{2})?(-\d{2})?\)\s*$/); // each with its dataset and date
    for (const name of [/^Offers \(\d+\)/m, /^Council facts \(\d+\)/m]) {
      const rows = section(name);
      expect(rows.length).toBeGreaterThan(0);
      for (const line of rows) expect(line).toMatch(/https?:\/\/\S+\s+read \d{4}-\d{2}-\d{2}/);
    }
  });
});

describe('sbb diff', () => {
  it('dates each change by when its source was read and when it says it was published, not the build date', async () => {
    const fixture = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'curated', 'exampleshire.csv'), 'utf8');
    const file = join(db.dir, 'dated.csv');
    writeFileSync(file, fixture.replace('2025-04,2025-26 statement (synthetic),2026-11-22', '2025-01,2025 statement (synthetic),2025-06-01'));
    expect((await runCli('import', file, '--db', db.path)).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const rows = JSON.parse((await runCli('diff', '888', '--json', '--db', db.path)).stdout) as Array<{ id: string; date: string; read: string; published: string | null; recorded_at: string }>;
    const synthetic = rows.find((r) => r.id === 'exampleshire-csv-holiday-scheme')!;
    expect(synthetic).toMatchObject({ date: '2025-06-01', read: '2025-06-01', published: '2025-01' });
    expect(synthetic.recorded_at.slice(0, 10)).toBe(today);
    const table = (await runCli('diff', '888', '--db', db.path)).stdout;
    const line = table.split('\n').find((l) => l.includes('Summer Splash holiday scheme'))!;
    expect(line).toMatch(/^2025-06-01\s+2025-01\s+appeared/);
    expect(line).not.toContain(today);
    expect(table).toMatch(/^read\s+published\s+change\s+offer/m);
    // --since takes the read date.
    const since = JSON.parse((await runCli('diff', '888', '--json', '--since', '2026-01-01', '--db', db.path)).stdout) as Array<{ id: string }>;
    expect(since.map((r) => r.id)).not.toContain('exampleshire-csv-holiday-scheme');
  });
});

describe('sbb diff over every council', () => {
  it('lists the change feed of every council without a code, filtered by kind, and names a wrong kind', async () => {
    const all = JSON.parse((await runCli('diff', '--json', '--type', 'appeared', '--db', db.path)).stdout) as Array<{ council_code: string; change: string; read: string }>;
    expect(new Set(all.map((r) => r.council_code)).size).toBeGreaterThan(10);
    expect(new Set(all.map((r) => r.change))).toEqual(new Set(['appeared']));
    // Oldest read first, as for one council.
    expect(all.map((r) => r.read)).toEqual([...all.map((r) => r.read)].sort());
    const table = (await runCli('diff', '--since', '2026-11-01', '--db', db.path)).stdout;
    expect(table).toMatch(/^Every council: \d+ changes read since 2026-11-01/);
    expect(table).toMatch(/^read\s+published\s+change\s+council\s+offer/m);
    const wrong = await runCli('diff', '--type', 'moved', '--db', db.path);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--type: "moved" is not a kind of change');
  });
});
