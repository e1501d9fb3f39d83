// Benchmark (simulation): scheduled refresh on Workers of 153 invented councils x 50 pages, through the queue and one
// host gate per council (the HostGate the Durable Object runs), on a simulated clock in this process. Each council's
// entry page is queued by the Cron handler; when a consumer has fetched it, its 49 links are queued. Consumers take
// messages in batches and crawl a batch's pages concurrently, as the Worker does; each request takes a seeded random
// 80-600 ms. Reports the smallest gap between two requests to one host, the time a page holds a consumer waiting for
// its host's turn, and the throughput.
import { DEFAULT_HOLD_MS, deferFor, HostGate, type GateTimers } from '../../scrapers/crawl/host-gate.js';

/** A simulated clock: timers run in time order, each after the promises the previous one released have settled. */
class SimClock implements GateTimers {
  now = 0;
  private timers: Array<{ at: number; seq: number; fn: () => void; live: boolean }> = [];
  private seq = 0;

  after(ms: number, fn: () => void): () => void {
    const t = { at: this.now + Math.max(0, ms), seq: this.seq++, fn, live: true };
    // Kept sorted by time, then by order of setting (binary insertion).
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.timers[mid]!;
      if (m.at < t.at || (m.at === t.at && m.seq < t.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, t);
    return () => void (t.live = false);
  }

  sleep = (ms: number) => new Promise<void>((resolve) => this.after(ms, resolve));

  async run(): Promise<void> {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      const t = this.timers.shift();
      if (!t) return;
      if (!t.live) continue;
      this.now = t.at;
      t.fn();
    }
  }
}

/** A small seeded generator (mulberry32), so every run of the bench simulates the same latencies. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface QueueScheduleFigures {
  councils: number;
  pages_per_council: number;
  delay_ms: number;
  consumers: number;
  batch_size: number;
  pages: number;
  /** Smallest time between the end of one request to a host and the start of the next, over all hosts. */
  min_gap_after_end_ms: number;
  /** Smallest time between the starts of two requests to one host. */
  min_gap_between_starts_ms: number;
  /** Simulated time from the Cron trigger to the last page. */
  simulated_s: number;
  pages_per_s: number;
  /** The least any run could take: one council's pages one after another, each its latency plus the delay. */
  floor_s: number;
  /** Longest a page held a consumer waiting for its host's turn. */
  max_turn_wait_s: number;
  /** Pages sent back to the queue because their host had enough waiting (0 when holdMs is Infinity). */
  retried: number;
  hold_ms: number | null;
  wall_ms: number;
}

export async function benchQueueSchedule(options: { councils?: number; pages?: number; delayMs?: number; consumers?: number; batchSize?: number; holdMs?: number } = {}): Promise<QueueScheduleFigures> {
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  const councils = options.councils ?? 153;
  const pagesPer = options.pages ?? 50;
  const delayMs = options.delayMs ?? 1000;
  const consumers = options.consumers ?? 25;
  const batchSize = options.batchSize ?? 10;
  const started = performance.now();
  const clock = new SimClock();
  const random = seeded(19);
  const gates = Array.from({ length: councils }, () => new HostGate(clock));
  const starts: number[][] = gates.map(() => []);
  const ends: number[][] = gates.map(() => []);
  const latency: number[][] = gates.map(() => Array.from({ length: pagesPer }, () => 80 + Math.round(random() * 520)));
  const queue: Array<{ host: number; page: number }> = gates.map((_, host) => ({ host, page: 0 }));
  let inFlight = 0;
  let maxWait = 0;
  let done = 0;
  let retried = 0;

  async function crawl(m: { host: number; page: number }): Promise<void> {
    const asked = clock.now;
    await clock.sleep(5); // the round trip to the host's object
    const later = deferFor(gates[m.host]!.queued, delayMs, holdMs);
    if (later) {
      // The host has pages enough waiting: back to the queue (message.retry) rather than holding a consumer.
      retried++;
      clock.after(later, () => queue.push(m));
      return;
    }
    const token = await gates[m.host]!.turn(delayMs);
    maxWait = Math.max(maxWait, clock.now - asked);
    starts[m.host]!.push(clock.now);
    await clock.sleep(latency[m.host]![m.page]!);
    ends[m.host]!.push(clock.now);
    gates[m.host]!.ended(token, delayMs);
    done++;
    if (m.page === 0) for (let p = 1; p < pagesPer; p++) queue.push({ host: m.host, page: p });
  }

  async function consumer(): Promise<void> {
    while (done < councils * pagesPer) {
      const batch = queue.splice(0, batchSize);
      if (!batch.length) {
        await clock.sleep(inFlight ? 100 : 1000); // the queue's batch timeout when there is nothing to take
        continue;
      }
      inFlight++;
      await Promise.all(batch.map(crawl));
      inFlight--;
    }
  }

  const all = Promise.all(Array.from({ length: consumers }, consumer));
  await clock.run();
  await all;

  let minAfterEnd = Infinity;
  let minStarts = Infinity;
  for (let h = 0; h < councils; h++) {
    for (let i = 1; i < starts[h]!.length; i++) {
      minAfterEnd = Math.min(minAfterEnd, starts[h]![i]! - ends[h]![i - 1]!);
      minStarts = Math.min(minStarts, starts[h]![i]! - starts[h]![i - 1]!);
    }
  }
  const floor = Math.max(...latency.map((l) => l.reduce((a, b) => a + b, 0) + (l.length - 1) * delayMs));
  const last = Math.max(...ends.flat());
  return {
    councils, pages_per_council: pagesPer, delay_ms: delayMs, consumers, batch_size: batchSize, pages: done,
    min_gap_after_end_ms: minAfterEnd, min_gap_between_starts_ms: minStarts,
    simulated_s: Math.round(last / 100) / 10, pages_per_s: Math.round((done / (last / 1000)) * 10) / 10,
    floor_s: Math.round(floor / 100) / 10, max_turn_wait_s: Math.round(maxWait / 100) / 10, retried, hold_ms: holdMs === Infinity ? null : holdMs,
    wall_ms: Math.round(performance.now() - started),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const consumers of [5, 25, 250]) for (const holdMs of [Infinity, DEFAULT_HOLD_MS]) console.log(JSON.stringify(await benchQueueSchedule({ consumers, holdMs })));
}
