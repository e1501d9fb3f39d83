// Migration 0011 turns every stored score (one row per participant, option and factor) into one score sheet per
// participant: a workshop file (Node) and a D1 database (the Worker) with old-format scores give the same results and
// the same participant views after it as before, and the sheets then merge, drop and delete as the rows did.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/workshop.js';
import { loadMigrations } from '../../src/node/data-files.js';
import { openWorkshopDatabase, workshopMigrations } from '../../src/node/workshop-database.js';
import { ANCHORS, FACTORS } from '../../src/pack/options.js';
import * as svc from '../../src/services/workshops.js';
import { buildResults } from '../../src/services/workshops-results.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { createD1Driver } from '../../src/store/drivers/d1.js';
import { migrate, type Migration } from '../../src/store/migrate.js';
import type { SqlDriver, SqlStatement } from '../../src/store/sql-driver.js';
import { createWorkshopStore, type TallyRow, type WorkshopStore } from '../../src/store/workshop-store.js';
import { tempDir } from '../support/temp-db.js';
import { d1Of, workerOnD1 } from '../support/worker-on-d1.js';

const CODE = 'EXAMPLE2';
const FACILITATOR_KEY = 'wf_facilitator-of-exampleshire';
const ROLES: Role[] = ['parent_carer', 'young_person', 'provider', 'council_officer', 'health', 'other'];
const OPTIONS = ['O1', 'O2', 'O10', 'R1'];
const FACTOR_IDS = FACTORS.map((f) => f.code as string);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const participantKey = (p: number) => `wp_participant-${p}`;
const before0011 = (ms: readonly Migration[]) => ms.filter((m) => m.name < '0011');

/** An invented workshop in the old format: 13 participants, most scoring some factors of some options, a few twice over time. */
function oldFormatRows(): SqlStatement[] {
  const out: SqlStatement[] = [
    {
      sql: 'INSERT INTO workshops (code, council_code, council_name, title, status, facilitator_hash, factors, scale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      params: [CODE, 'E99999999', 'Exampleshire', 'Exampleshire: short breaks workshop', 'open', sha256(FACILITATOR_KEY), JSON.stringify(FACTORS.map((f) => ({ id: f.code, title: f.label, question: f.question }))), JSON.stringify(ANCHORS.map(([score, means]) => ({ score: Number(score), means }))), '2026-11-01T10:00:00Z'],
    },
    ...OPTIONS.map((id, i) => ({ sql: 'INSERT INTO workshop_options (workshop_code, id, title, position) VALUES (?, ?, ?, ?)', params: [CODE, id, `Option ${id}`, i + 1] })),
  ];
  for (let p = 0; p < 13; p++) {
    out.push({ sql: 'INSERT INTO workshop_participants (id, workshop_code, key_hash, role, created_at) VALUES (?, ?, ?, ?, ?)', params: [`p${p}`, CODE, sha256(participantKey(p)), ROLES[p % ROLES.length]!, '2026-11-01T10:01:00Z'] });
    if (p === 12) continue; // joined, never scored
    OPTIONS.forEach((option, o) =>
      FACTOR_IDS.forEach((factor, f) => {
        if ((p + o + f) % 4 === 0) return;
        out.push({
          sql: 'INSERT INTO workshop_scores (workshop_code, participant_id, option_id, factor, score, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          params: [CODE, `p${p}`, option, factor, (p * 3 + o + f * 2) % 6, `2026-11-01T10:${String(10 + ((p + f) % 40)).padStart(2, '0')}:00Z`],
        });
      }),
    );
  }
  out.push({ sql: "INSERT INTO workshop_comments (id, workshop_code, participant_id, option_id, role, text, status, created_at) VALUES ('c1', ?, 'p1', 'O2', 'young_person', 'More clubs at weekends', 'approved', '2026-11-01T10:30:00Z')", params: [CODE] });
  return out;
}

/** What the store before 0011 read: its tally and scorers queries, built into results, and each participant's scores. */
async function oldAnswers(ws: WorkshopStore, driver: SqlDriver) {
  const { workshop, row } = await svc.loadWorkshop(ws, CODE);
  const tally = await driver.all<TallyRow & Record<string, unknown>>(
    'SELECT s.option_id, s.factor, p.role, s.score, COUNT(*) AS n FROM workshop_scores s JOIN workshop_participants p ON p.id = s.participant_id WHERE s.workshop_code = ? GROUP BY s.option_id, s.factor, p.role, s.score',
    [CODE],
  );
  const scorers = await driver.all<{ option_id: string; n: number }>('SELECT option_id, COUNT(DISTINCT participant_id) AS n FROM workshop_scores WHERE workshop_code = ? GROUP BY option_id', [CODE]);
  const comments = (await ws.comments(CODE)).filter((c) => c.status === 'approved');
  const results = buildResults({
    workshop,
    tally,
    participants: await ws.participantCounts(CODE),
    scorers,
    comments: comments.map((c) => ({ id: c.id, option: c.option_id, role: c.role, text: c.text, status: c.status, created_at: c.created_at })),
    version: `${row.code}-${row.revision}`,
  });
  const scores = await Promise.all(
    Array.from({ length: 13 }, (_, p) => driver.all('SELECT option_id AS option, factor, score FROM workshop_scores WHERE participant_id = ? ORDER BY option_id, factor', [`p${p}`])),
  );
  return { results, scores, rows: tally.reduce((a, t) => a + t.n, 0) };
}

async function newAnswers(ws: WorkshopStore) {
  const results = await svc.workshopResults(ws, CODE, FACILITATOR_KEY);
  const scores = await Promise.all(Array.from({ length: 13 }, (_, p) => svc.participantView(ws, CODE, participantKey(p)).then((v) => v.scores)));
  return { results, scores };
}

const tables = async (driver: SqlDriver) => (await driver.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'workshop%' ORDER BY name")).map((t) => t.name);

describe('migration 0011: score sheets', () => {
  const t = tempDir('sbb-score-sheets-');
  let mf: Miniflare | undefined;
  afterAll(async () => {
    await mf?.dispose();
    t.cleanup();
  });
  let nodeAfter: Awaited<ReturnType<typeof newAnswers>> | undefined;

  it('carries every old score of a workshop file into the sheets: the same results, the same participant views', async () => {
    const path = join(t.dir, 'old.workshops.sqlite');
    const driver = createBetterSqliteDriver(path, { fileMustExist: false });
    await migrate(driver, before0011(workshopMigrations()));
    await driver.batch(oldFormatRows());
    const before = await oldAnswers(createWorkshopStore(driver), driver);
    await driver.close();
    expect(before.rows).toBeGreaterThan(200);
    expect(before.results.options.find((o) => o.id === 'O1')!.responses).toBeGreaterThan(0);

    const ws = await openWorkshopDatabase(path);
    try {
      nodeAfter = await newAnswers(ws);
      expect(nodeAfter.results).toEqual(before.results);
      expect(nodeAfter.scores).toEqual(before.scores);
      expect(await tables(ws.driver)).toEqual(['workshop_comments', 'workshop_options', 'workshop_participants', 'workshop_score_sheets', 'workshops']);
      expect(await ws.driver.all('SELECT participant_id FROM workshop_score_sheets')).toHaveLength(12);

      // A participant changing one score keeps the others, and no score counts twice.
      const earlier = nodeAfter.scores[3]!;
      const changed = { ...earlier[0]!, score: (earlier[0]!.score + 1) % 6 };
      await svc.submitScores(ws, CODE, participantKey(3), { scores: [changed] });
      expect((await svc.participantView(ws, CODE, participantKey(3))).scores).toEqual([changed, ...earlier.slice(1)]);
      const results = await svc.workshopResults(ws, CODE, FACILITATOR_KEY);
      for (const o of results.options) expect(o.responses).toBe(before.results.options.find((b) => b.id === o.id)!.responses);
      expect(results.options.find((o) => o.id === changed.option)!.mean).not.toBe(before.results.options.find((o) => o.id === changed.option)!.mean);

      // A dropped option's scores leave the results; a new option that later takes its id starts with none.
      await svc.editOptions(ws, CODE, FACILITATOR_KEY, { drop: ['R1'] });
      expect((await svc.workshopResults(ws, CODE, FACILITATOR_KEY)).options.map((o) => o.id)).toEqual(['O1', 'O2', 'O10']);
      expect((await svc.participantView(ws, CODE, participantKey(3))).scores.some((s) => s.option === 'R1')).toBe(false);
      const again = await svc.editOptions(ws, CODE, FACILITATOR_KEY, { add: [{ title: 'A new R1' }] });
      expect(again.options.map((o) => o.id)).toEqual(['O1', 'O2', 'O10', 'R1']);
      const r1 = (await svc.workshopResults(ws, CODE, FACILITATOR_KEY)).options.find((o) => o.id === 'R1')!;
      expect({ participants: r1.participants, responses: r1.responses, mean: r1.mean }).toEqual({ participants: 0, responses: 0, mean: null });

      // Closing an option still refuses its scores and keeps the sheet as it was.
      await svc.setScoringOpen(ws, CODE, FACILITATOR_KEY, 'O2', false);
      const kept = (await svc.participantView(ws, CODE, participantKey(5))).scores;
      await expect(svc.submitScores(ws, CODE, participantKey(5), { scores: [{ option: 'O2', factor: FACTOR_IDS[0]!, score: 5 }] })).rejects.toMatchObject({ kind: 'conflict' });
      expect((await svc.participantView(ws, CODE, participantKey(5))).scores).toEqual(kept);

      // Deleting the workshop deletes its sheets.
      await svc.deleteWorkshop(ws, CODE, FACILITATOR_KEY);
      expect(await ws.driver.all('SELECT participant_id FROM workshop_score_sheets')).toEqual([]);
    } finally {
      await ws.driver.close();
    }
  });

  it('does the same on D1, where the Worker gives the same JSON as Node', async () => {
    mf = workerOnD1();
    const driver = createD1Driver(await d1Of(mf));
    await migrate(driver, before0011(loadMigrations()));
    await driver.batch(oldFormatRows());
    const ws = createWorkshopStore(driver);
    const before = await oldAnswers(ws, driver);
    expect(await migrate(driver, loadMigrations())).toEqual(['0011_workshop_score_sheets.sql']);
    const after = await newAnswers(ws);
    expect(after.results).toEqual(before.results);
    expect(after.scores).toEqual(before.scores);
    expect(after).toEqual(nodeAfter);
    expect(await tables(driver)).not.toContain('workshop_scores');

    const earlier = after.scores[7]!;
    await svc.submitScores(ws, CODE, participantKey(7), { scores: [{ ...earlier[1]!, score: (earlier[1]!.score + 2) % 6 }] });
    const now = (await svc.participantView(ws, CODE, participantKey(7))).scores;
    expect(now.filter((s, i) => i !== 1)).toEqual(earlier.filter((s, i) => i !== 1));
    expect(now[1]!.score).toBe((earlier[1]!.score + 2) % 6);
    await svc.editOptions(ws, CODE, FACILITATOR_KEY, { drop: ['O10'] });
    expect((await svc.participantView(ws, CODE, participantKey(7))).scores.some((s) => s.option === 'O10')).toBe(false);
  }, 60_000);
});
