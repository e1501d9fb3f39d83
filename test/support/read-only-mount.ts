// A copy of the built database on a real read-only tmpfs mount (the tests run as root, as CI does). Call inside a
// describe: the returned object's fields are set once its beforeAll has run, and the mount is undone after.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { builtDb } from './temp-db.js';

export interface ReadOnlyDatabase {
  /** The database file on the read-only mount. */
  path: string;
  /** A writable folder of the test's own. */
  dir: string;
}

export function readOnlyDatabase(): ReadOnlyDatabase {
  const ro = {} as ReadOnlyDatabase;
  let db: Awaited<ReturnType<typeof builtDb>> | undefined;
  let mount: string | undefined;
  beforeAll(async () => {
    db = await builtDb();
    ro.dir = db.dir;
    mount = join(db.dir, 'ro');
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount]);
    ro.path = join(mount, 'sbb.sqlite');
    copyFileSync(db.path, ro.path);
    execFileSync('mount', ['-o', 'remount,ro', mount]);
  }, 60_000);
  afterAll(() => {
    if (mount) execFileSync('umount', [mount]);
    db?.cleanup();
  });
  return ro;
}
