// Groups writes that arrive together into one transaction (Node's workshop file, where a room submits at once): each
// caller awaits its own write; when the grouped transaction fails, each write runs again alone, so a bad one fails
// by itself and the others are kept.
import type { SqlDriver, SqlStatement } from './sql-driver.js';

export interface WriteQueueOptions {
  /** Runs `flush` soon, once the writes arriving in this turn have queued (Node: setImmediate). */
  schedule: (flush: () => void) => void;
  /** At most this many writes in one transaction (default 100). */
  max?: number;
  /** Statements to run once per transaction for each distinct key among its writes (a workshop's revision). */
  finish?: (key: string) => SqlStatement;
}

/** A queued write: its statements, the key it belongs to, and a last look before it runs (false: not written). */
export interface QueuedWrite {
  key: string;
  statements: readonly SqlStatement[];
  stillValid?: () => boolean;
}

interface Pending extends QueuedWrite {
  done: (written: boolean) => void;
  failed: (e: unknown) => void;
}

export function createWriteQueue(db: SqlDriver, options: WriteQueueOptions) {
  const max = options.max ?? 100;
  let queue: Pending[] = [];
  let scheduled = false;
  let transactions = 0;
  const withFinish = (items: readonly Pending[]): SqlStatement[] => [
    ...items.flatMap((i) => i.statements),
    ...(options.finish ? [...new Set(items.map((i) => i.key))].map(options.finish) : []),
  ];

  async function flush(): Promise<void> {
    scheduled = false;
    const taken = queue.slice(0, max);
    queue = queue.slice(max);
    if (queue.length) later();
    const items: Pending[] = [];
    for (const item of taken) {
      if (item.stillValid && !item.stillValid()) item.done(false);
      else items.push(item);
    }
    if (!items.length) return;
    try {
      transactions++;
      await db.batch(withFinish(items));
      for (const item of items) item.done(true);
    } catch {
      // One of them broke the transaction, which wrote nothing: each again alone, each caller with its own answer.
      for (const item of items) {
        try {
          transactions++;
          await db.batch(withFinish([item]));
          item.done(true);
        } catch (e) {
          item.failed(e);
        }
      }
    }
  }

  function later(): void {
    if (scheduled) return;
    scheduled = true;
    options.schedule(() => void flush());
  }

  return {
    /** Queues a write to commit with the others of this turn: true once committed, false when no longer valid. */
    write(w: QueuedWrite): Promise<boolean> {
      return new Promise<boolean>((done, failed) => {
        queue.push({ ...w, done, failed });
        later();
      });
    },
    /** How many transactions have run (for tests: many writes, few transactions). */
    transactions: () => transactions,
  };
}

export type WriteQueue = ReturnType<typeof createWriteQueue>;
