// A council's history is dated by when each page was read and when it says it was published, never by the date the
// database noted the change; a change lists the fields a family would notice, before and after.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLESHIRE, syntheticBundle, syntheticOffer, taxonomy } from '../../test/support/synthetic-reference.js';
import { tempDir } from '../../test/support/temp-db.js';
import { loadMigrations } from '../node/data-files.js';
import { createBetterSqliteDriver } from '../store/drivers/better-sqlite3.js';
import { migrate } from '../store/migrate.js';
import { createStore, type Store } from '../store/store.js';
import { councilHistory } from './council-history.js';

describe('councilHistory', () => {
  const t = tempDir('sbb-history-');
  let store: Store;

  beforeAll(async () => {
    store = createStore(createBetterSqliteDriver(join(t.dir, 'h.sqlite')));
    await migrate(store.driver, loadMigrations());
    await store.loadReference(syntheticBundle(), taxonomy);
    await store.importRecords([syntheticOffer({ retrieved: '2026-01-10', published: '2025-04' })], { files: ['a'] }, new Date('2026-12-01T09:00:00Z'));
    await store.classification.recordVersions('all', null, new Date('2026-12-01T09:00:00Z'));
    const dearer = syntheticOffer({ retrieved: '2026-11-22', published: '2026-09', cost: { status: 'charged', charges: [{ amount_gbp: 3, per: 'hour' }] } });
    await store.importRecords([dearer], { files: ['b'] }, new Date('2026-12-03T09:00:00Z'));
    await store.classification.recordVersions('all', null, new Date('2026-12-03T09:00:00Z'));
  });

  afterAll(async () => {
    await store.driver.close();
    t.cleanup();
  });

  it('lists what appeared and what changed, the latest dated by its page, never by the build', async () => {
    const h = await councilHistory(store, 'exampleshire');
    expect(h.council.code).toBe(EXAMPLESHIRE);
    expect(h.changes.map((c) => c.change)).toEqual(['appeared', 'changed']);
    const [first, latest] = h.changes as [(typeof h.changes)[number], (typeof h.changes)[number]];
    expect(latest).toMatchObject({ offer: 'Saturday Splash Club (synthetic)', read: '2026-11-22', published: '2026-09' });
    expect(latest.changes).toEqual([{ field: 'charges', before: [{ amount_gbp: 2, per: 'hour' }], after: [{ amount_gbp: 3, per: 'hour' }] }]);
    expect(latest.what).toContain('charges:');
    // The earlier version is dated by its own page (read 10 January), not by the build that noted it on 1 December.
    expect(first).toMatchObject({ read: '2026-01-10', published: '2025-04' });
    expect(first.recorded_at.slice(0, 10)).toBe('2026-12-01');
  });

  it('keeps the changes read on or after a date (not noted: the build date is no date of the offer), and names an unknown council', async () => {
    expect((await councilHistory(store, EXAMPLESHIRE, '2026-11-01')).changes.map((c) => c.read)).toEqual(['2026-11-22']);
    expect((await councilHistory(store, EXAMPLESHIRE, '2026-12-02')).changes).toEqual([]);
    await expect(councilHistory(store, 'Nowhereshire')).rejects.toMatchObject({ kind: 'not_found', field: 'code' });
  });
});
