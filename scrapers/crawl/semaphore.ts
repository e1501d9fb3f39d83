// A counting semaphore: at most N holders at once, the rest wait in arrival order.
export class Semaphore {
  private waiting: Array<() => void> = [];
  private held = 0;
  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.held < this.limit) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held--;
  }
}

/** One timer; its abort listener is removed when the timer fires, so waits on one signal never pile listeners up. */
const sleepOnce = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const onAbort = () => (clearTimeout(t), resolve());
    const t = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Sleeps at least `ms` by the monotonic clock. setTimeout counts from the event loop's cached time, so on a busy
 * loop it can fire a millisecond early: politeness delays must never be shorter than promised.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0 && !signal?.aborted; left = until - performance.now()) await sleepOnce(Math.ceil(left), signal);
}
