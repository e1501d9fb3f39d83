// The server's database handle that follows its file: when the file at the path is replaced (another inode, as after
// a `mv` or an older build's rename), the server opens the new file and lets the old handle go, so it never serves
// or writes a deleted file.
import { statSync } from 'node:fs';
import type { Store } from '../store/store.js';
import { openDatabase } from './open-database.js';

export interface LiveDatabase {
  /** The store to serve this request from (checks the file at most once per interval). */
  current(): Store;
  /** The store after any pending reopen: what a write must use. */
  fresh(): Promise<Store>;
  close(): Promise<void>;
}

const identity = (path: string): string | undefined => {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
};

export function liveDatabase(initial: Store, path: string, options: { readonly: boolean; intervalMs?: number; log?: (line: string) => void }): LiveDatabase {
  const interval = options.intervalMs ?? 1000;
  let store = initial;
  let id = identity(path);
  let checkedAt = Date.now();
  let pending: Promise<void> | undefined;
  const retired = new Map<ReturnType<typeof setTimeout>, Store>();
  const retire = (old: Store) => {
    // Requests that started on the old handle finish on it; it is closed a little later (the first one by its opener).
    const t = setTimeout(() => {
      retired.delete(t);
      if (old !== initial) void old.driver.close().catch(() => undefined);
    }, 30_000);
    t.unref();
    retired.set(t, old);
  };
  const check = () => {
    checkedAt = Date.now();
    const now = identity(path);
    if (!now || now === id || pending) return;
    pending = openDatabase(path, { readonly: options.readonly })
      .then((next) => {
        retire(store);
        store = next;
        id = now;
        options.log?.(`${path} was replaced: serving the new file`);
      })
      .catch((e: unknown) => options.log?.(`${path} was replaced but cannot be opened (${(e as Error).message.split('\n')[0]}): still serving the previous file`))
      .finally(() => (pending = undefined));
  };
  return {
    current() {
      if (Date.now() - checkedAt >= interval) check();
      return store;
    },
    async fresh() {
      check();
      await pending;
      return store;
    },
    /** Closes the handles this opened; the first one stays its opener's to close. */
    async close() {
      await pending;
      for (const [t, old] of retired) {
        clearTimeout(t);
        if (old !== initial) await old.driver.close().catch(() => undefined);
      }
      retired.clear();
      if (store !== initial) await store.driver.close();
    },
  };
}
