// One host's turns for crawlers that share it from anywhere (the Durable Object per host on Workers; the bench's
// simulation): one request at a time, the next let through only `delayMs` after the previous one ended, timed by
// the holder's timers rather than a clock reading (a Durable Object's clock stands still between its inputs), so no
// two requests to a host come closer than its delay, however many consumers ask at once.

/** Timers the gate runs on: real ones in a Durable Object, a simulated clock in the bench. */
export interface GateTimers {
  /** Calls `fn` after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
}

export const realTimers: GateTimers = {
  after(ms, fn) {
    const t = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(t);
  },
};

/** A consumer that never reports back (it died) is taken to have ended after this long. */
export const DEFAULT_LEASE_MS = 120_000;

/** How long a consumer may be held waiting for one host's turn before the page goes back to the queue instead. */
export const DEFAULT_HOLD_MS = 10_000;

/**
 * With `queued` requests already waiting for a host: how long to put a page back in the queue for (ms), or 0 to
 * wait for its turn here. A consumer held behind many pages of one host would leave the other hosts unvisited.
 */
export function deferFor(queued: number, delayMs: number, holdMs = DEFAULT_HOLD_MS): number {
  const wait = queued * delayMs;
  return wait > holdMs ? wait : 0;
}

export class HostGate {
  private tail: Promise<void> = Promise.resolve();
  private holders = new Map<number, (delayMs: number) => void>();
  private tokens = 0;
  private waiting = 0;

  constructor(
    private readonly timers: GateTimers = realTimers,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {}

  /** Consumers waiting for a turn. */
  get queued(): number {
    return this.waiting;
  }

  /** Resolves with a token when a request may start; pass it to `ended` when the request is over. */
  async turn(delayMs: number): Promise<number> {
    const previous = this.tail;
    let open!: () => void;
    this.tail = new Promise<void>((resolve) => (open = resolve));
    this.waiting++;
    await previous;
    this.waiting--;
    const token = ++this.tokens;
    let settled = false;
    const end = (wait: number) => {
      if (settled) return;
      settled = true;
      cancelLease();
      this.holders.delete(token);
      this.timers.after(wait, open);
    };
    const cancelLease = this.timers.after(this.leaseMs, () => end(delayMs));
    this.holders.set(token, end);
    return token;
  }

  /** The request of `token` ended: the next turn comes `delayMs` later. Unknown or repeated tokens are ignored. */
  ended(token: number, delayMs: number): void {
    this.holders.get(token)?.(delayMs);
  }
}
