// Runs the Store contract on better-sqlite3 over a real file in a temporary directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { describeStoreContract } from '../support/store-contract.js';

describeStoreContract('better-sqlite3', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbb-store-'));
  const driver = createBetterSqliteDriver(join(dir, 'test.sqlite'));
  return { driver, dispose: async () => { await driver.close(); rmSync(dir, { recursive: true, force: true }); } };
});

describe('better-sqlite3 driver', () => {
  it('opens the file in WAL mode with foreign keys enforced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbb-store-'));
    const driver = createBetterSqliteDriver(join(dir, 'wal.sqlite'));
    expect(driver.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(driver.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
