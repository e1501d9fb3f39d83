// What `sbb compare` and /api/compare say on the real data must be what the data supports (issue 16): the weights
// named as given, an unknown comparator refused rather than left out, no overall score or rank on thin evidence,
// and a robustness sentence whose figures cannot read as a contradiction.
import { describe, expect, it } from 'vitest';
import { runCli, servedBuiltDb } from '../support/temp-db.js';

const served = servedBuiltDb({ readonly: true });

interface CompareBody {
  data: { local: { rank: number | null; robust: boolean; p_same_rank: number } };
  meta: { position: string };
}
const compareOf = async (path: string) => (await (await fetch(served.url + path)).json()) as CompareBody;

describe('sbb compare says what it was given and what it knows', () => {
  it('names the weights: the preset they equal, else custom', async () => {
    const label = async (...flags: string[]) => /weights (\S+): choice/.exec((await runCli('compare', '888', '--samples', '0', '--db', served.db.path, ...flags)).stdout)?.[1];
    expect(await label()).toBe('balanced');
    expect(await label('--weights', 'equity=2')).toBe('equity-first');
    expect(await label('--weights', 'choice=3')).toBe('custom');
    expect(await label('--weights', 'quality-first,suitability=0')).toBe('custom');
  });

  it('refuses a custom group naming an unknown council, from the CLI and the API, instead of ranking the council alone', async () => {
    const cli = await runCli('compare', '888', '--group', 'custom:E10000017,E99999999', '--db', served.db.path);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/group: no council with code "E99999999"/);
    expect(cli.stdout).not.toMatch(/ranks 1 of 1/);
    const res = await fetch(`${served.url}/api/compare/E10000017?group=custom:E10000017,E99999999`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, errors: [expect.objectContaining({ field: 'group' })] });
  });

  it('never calls a council alone in its group robust', async () => {
    const r = await compareOf('/api/compare/E10000017?group=custom:Lancashire');
    expect(r.data.local.robust).toBe(false);
    expect(r.meta.position).toMatch(/only council ranked in this group/);
    expect(r.meta.position).not.toMatch(/robust/);
  });

  it('shows no overall score and no rank for an unranked council, in the table, the JSON and the CSV', async () => {
    // Nottinghamshire's neighbours include councils with little evidence (issue 16: one showed 83.3 on 9%).
    const json = JSON.parse((await runCli('compare', 'Nottinghamshire', '--format', 'json', '--samples', '0', '--db', served.db.path)).stdout);
    const unranked = json.members.filter((m: { rank: number | null }) => m.rank === null);
    expect(unranked.length).toBeGreaterThan(0);
    for (const m of unranked) expect(m).toMatchObject({ composite: null, ranked: false, unranked_reason: expect.any(String) });
    for (const m of json.members.filter((x: { rank: number | null }) => x.rank !== null)) expect(m).toMatchObject({ composite: expect.any(Number), ranked: true });
    const table = (await runCli('compare', 'Nottinghamshire', '--samples', '0', '--db', served.db.path)).stdout;
    // The warnings that qualify the table come before it.
    expect(table.indexOf('\nWarnings\n')).toBeGreaterThan(0);
    expect(table.indexOf('\nWarnings\n')).toBeLessThan(table.search(/^rank\s+council/m));
    for (const m of unranked) {
      const line = table.split('\n').find((l) => l.startsWith('-') && l.includes(m.name))!;
      expect(line).toMatch(/^-\s+\S.*?\s+-\s+/); // no rank, then no composite
    }
    const csv = await (await fetch(`${served.url}/api/compare/E10000024.csv?samples=0`)).text();
    for (const m of unranked) expect(csv.split('\n').find((l) => l.includes(m.code))).toMatch(new RegExp(`^,${m.code},[^,]*,(yes|no),,`));
  });

  it('says how often the rank holds and which ranks it takes otherwise, shares that add up to 100%', async () => {
    for (const code of ['E10000017', 'E08000019', 'E10000024']) {
      const r = await compareOf(`/api/compare/${code}`);
      const position = r.meta.position;
      if (r.data.local.rank === null) continue;
      expect(position).not.toMatch(/stays within/);
      const kept = Number(/keeps that rank (\d+)% of the time/.exec(position)?.[1]);
      expect(kept).toBe(Math.round(100 * r.data.local.p_same_rank));
      const others = [...position.matchAll(/\((\d+)%\)/g)].map((m) => Number(m[1]));
      const other = /the other (\d+)% of the time/.exec(position);
      const shown = kept + (other ? Number(other[1]) : others.reduce((a, b) => a + b, 0));
      expect(shown).toBeLessThanOrEqual(102);
      expect(position).toMatch(r.data.local.robust ? /its rank is robust to the weights/ : /its rank is NOT robust to the weights/);
    }
  });
});
