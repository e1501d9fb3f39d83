import { describe, expect, it } from 'vitest';
import { createBetterSqliteDriver } from './drivers/better-sqlite3.js';
import { createWriteQueue } from './write-queue.js';

async function table() {
  const db = createBetterSqliteDriver(':memory:');
  await db.run('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL CHECK (v BETWEEN 0 AND 5))');
  await db.run('CREATE TABLE revs (key TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  return db;
}
const put = (k: string, v: number) => ({ sql: 'INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v', params: [k, v] });
const finish = (key: string) => ({ sql: 'INSERT INTO revs (key, n) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET n = n + 1', params: [key] });

describe('the write queue', () => {
  it('writes what arrives together in one transaction, each caller told when its own write is in', async () => {
    const db = await table();
    const q = createWriteQueue(db, { schedule: (f) => void setImmediate(f), finish });
    const written = await Promise.all(Array.from({ length: 40 }, (_, i) => q.write({ key: 'w', statements: [put(`k${i}`, i % 6)] })));
    expect(written.every(Boolean)).toBe(true);
    expect(q.transactions()).toBe(1);
    expect((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))!.n).toBe(40);
    // The finishing statement runs once per transaction and key, not once per write.
    expect((await db.get<{ n: number }>("SELECT n FROM revs WHERE key = 'w'"))!.n).toBe(1);
    await db.close();
  });

  it('when one write breaks the transaction, runs each alone: that one fails by itself, the others are kept', async () => {
    const db = await table();
    const q = createWriteQueue(db, { schedule: (f) => void setImmediate(f), finish });
    const answers = await Promise.allSettled([q.write({ key: 'w', statements: [put('a', 1)] }), q.write({ key: 'w', statements: [put('b', 9)] }), q.write({ key: 'w', statements: [put('c', 3)] })]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toMatch(/CHECK/);
    expect(await db.all('SELECT k, v FROM t ORDER BY k')).toEqual([
      { k: 'a', v: 1 },
      { k: 'c', v: 3 },
    ]);
    await db.close();
  });

  it('does not write what is no longer valid when its turn comes, and says so', async () => {
    const db = await table();
    const q = createWriteQueue(db, { schedule: (f) => void setImmediate(f) });
    let valid = true;
    const pending = q.write({ key: 'w', statements: [put('a', 1)], stillValid: () => valid });
    valid = false;
    expect(await pending).toBe(false);
    expect(await db.all('SELECT k FROM t')).toEqual([]);
    await db.close();
  });

  it('splits a long queue into transactions of at most `max` writes', async () => {
    const db = await table();
    const q = createWriteQueue(db, { schedule: (f) => void setImmediate(f), max: 10 });
    await Promise.all(Array.from({ length: 25 }, (_, i) => q.write({ key: 'w', statements: [put(`k${i}`, 1)] })));
    expect(q.transactions()).toBe(3);
    expect((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))!.n).toBe(25);
    await db.close();
  });
});
