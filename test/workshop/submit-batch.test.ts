// A room's submissions arriving together on Node's workshop file: written in one transaction, each counted once,
// each caller answered for its own submission; and a facilitator's change made while submissions wait to be written
// (an option closed) is applied to them: they are checked again and refused.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/node/open-database.js';
import { openWorkshopDatabase, workshopMigrations } from '../../src/node/workshop-database.js';
import * as svc from '../../src/services/workshops.js';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { migrate } from '../../src/store/migrate.js';
import type { Store } from '../../src/store/store.js';
import { createWorkshopStore } from '../../src/store/workshop-store.js';
import { builtDb } from '../support/temp-db.js';

let db: Awaited<ReturnType<typeof builtDb>>;
let store: Store;
beforeAll(async () => {
  db = await builtDb();
  store = await openDatabase(db.path, { readonly: true });
}, 120_000);
afterAll(async () => {
  await store?.driver.close();
  db?.cleanup();
});

const ROLES = ['parent_carer', 'young_person', 'provider', 'council_officer', 'health', 'other'];

describe('submissions arriving together', () => {
  it('share one transaction and are each counted once, with a bad one refused by itself', async () => {
    const ws = await openWorkshopDatabase(join(db.dir, 'batch.workshops.sqlite'));
    try {
      const { workshop: w, facilitator_key } = await svc.createWorkshop(ws, store, { council: 'E10000017' });
      const keys = await Promise.all(Array.from({ length: 60 }, (_, i) => svc.joinWorkshop(ws, w.code, ROLES[i % 6]!).then((j) => j.participant_key)));
      const options = w.options.slice(0, 4).map((o) => o.id);
      const scoresOf = (p: number) => options.flatMap((option, o) => w.factors.map((f, fi) => ({ option, factor: f.id, score: (p + o + fi) % 6 })));
      const before = ws.groupedTransactions();
      const answers = await Promise.allSettled(
        keys.map((key, p) => svc.submitScores(ws, w.code, key, { scores: p === 7 ? [{ option: options[0]!, factor: w.factors[0]!.id, score: 9 }] : scoresOf(p) })),
      );
      // 59 written in one transaction (a few at most, however the turn falls); the one with a score of 9 refused alone.
      expect(ws.groupedTransactions() - before).toBeGreaterThanOrEqual(1);
      expect(ws.groupedTransactions() - before).toBeLessThanOrEqual(2);
      const refused = answers[7]!;
      expect(refused.status).toBe('rejected');
      const e = (refused as PromiseRejectedResult).reason;
      expect(isAppError(e) && e.kind === 'invalid' && e.field === 'scores[0].score').toBe(true);
      expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(59);
      // Each caller hears back about its own submission.
      const mine = (answers[3] as PromiseFulfilledResult<svc.SavedSubmission>).value;
      expect(mine).toMatchObject({ role: ROLES[3], saved: { scores: options.length * w.factors.length, comments: 0 } });
      expect(mine.scores).toEqual(scoresOf(3));

      const r = await svc.workshopResults(ws, w.code, facilitator_key);
      expect(r.participants.total).toBe(60);
      options.forEach((id, o) => {
        const got = r.options.find((x) => x.id === id)!;
        const all = keys.flatMap((_, p) => (p === 7 ? [] : w.factors.map((_f, fi) => (p + o + fi) % 6)));
        expect(got.responses, id).toBe(59 * w.factors.length);
        for (const v of [0, 1, 2, 3, 4, 5]) expect(got.spread[String(v) as '0'], `${id} ${v}`).toBe(all.filter((s) => s === v).length);
      });
    } finally {
      await ws.driver.close();
    }
  });

  it('checks waiting submissions again when the facilitator closes an option before they are written', async () => {
    const driver = createBetterSqliteDriver(join(db.dir, 'held.workshops.sqlite'), { fileMustExist: false });
    await migrate(driver, workshopMigrations());
    // The flush is held until the test lets it go, so the facilitator's change lands while the submission waits.
    const held: Array<() => void> = [];
    const ws = createWorkshopStore(driver, { local: { schedule: (flush) => void held.push(flush) } });
    try {
      const { workshop: w, facilitator_key } = await svc.createWorkshop(ws, store, { council: 'E10000017' });
      const { participant_key } = await svc.joinWorkshop(ws, w.code, 'parent_carer');
      const [o, f] = [w.options[0]!.id, w.factors[0]!.id];
      const pending = svc.submitScores(ws, w.code, participant_key, { scores: [{ option: o, factor: f, score: 4 }] });
      while (!held.length) await new Promise((r) => setImmediate(r));
      await svc.setScoringOpen(ws, w.code, facilitator_key, o, false);
      held.shift()!();
      await expect(pending).rejects.toMatchObject({ kind: 'conflict', field: 'option' });
      expect((await svc.workshopResults(ws, w.code, facilitator_key)).options.find((x) => x.id === o)!.responses).toBe(0);
    } finally {
      await driver.close();
    }
  });
});
