// The pack queue on its own (a stand-in builder that finishes when told): at most `concurrency` builds at once,
// `queue` waiting, then 503 with Retry-After; identical requests share a build; built packs kept within a byte bound.
import { describe, expect, it } from 'vitest';
import { statusOf } from '../http/errors.js';
import type { AppError } from '../domain/errors.js';
import type { PackFormat, PackQuery } from '../http/runtime.js';
import type { Store } from '../store/store.js';
import { boundedPackBuilder } from './pack-queue.js';

function standIn(size = 100) {
  const pending: Array<() => void> = [];
  let active = 0;
  let peak = 0;
  const builder = {
    async build(_store: Store, code: string, format: PackFormat, query: PackQuery) {
      active++;
      peak = Math.max(peak, active);
      await new Promise<void>((r) => pending.push(r));
      active--;
      return { body: new Uint8Array(size), filename: `${code}-${query.theme ?? 'all'}.${format}`, media_type: 'application/pdf' };
    },
  };
  return { builder, release: () => pending.splice(0).forEach((r) => r()), peak: () => peak, waiting: () => pending.length };
}

let versionCounter = 0;
const storeAt = (version: string) => ({ driver: { id: ++versionCounter }, scoringVersion: async () => version }) as unknown as Store;
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('boundedPackBuilder', () => {
  it('builds at most `concurrency` at once, queues `queue`, and refuses the rest with 503 and Retry-After', async () => {
    const s = standIn();
    const packs = boundedPackBuilder(s.builder, { concurrency: 2, queue: 3, retryAfterSeconds: 7 });
    const store = storeAt('v1');
    const themes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const results = themes.map((theme) => packs.build(store, 'E10000017', 'pdf', { theme }).then((v) => v, (e: AppError) => e));
    await tick();
    expect(s.waiting()).toBe(2);
    expect(packs.stats()).toMatchObject({ running: 2, waiting: 3, refused: 3 });
    while (packs.stats().running) {
      s.release();
      await tick();
    }
    const settled = await Promise.all(results);
    const refused = settled.filter((r): r is AppError => r instanceof Error);
    expect(refused).toHaveLength(3);
    for (const e of refused) {
      expect(statusOf(e)).toBe(503);
      expect(e.retryAfterSeconds).toBe(7);
      expect(e.message).toMatch(/try again in 7 s/);
    }
    expect(s.peak()).toBe(2);
  });

  it('shares one build between identical requests and keeps it for the same data version', async () => {
    const s = standIn();
    const packs = boundedPackBuilder(s.builder);
    const store = storeAt('v1');
    const two = [packs.build(store, 'E10000017', 'pdf', { theme: 'holidays' }), packs.build(store, 'E10000017', 'pdf', { theme: 'holidays', group: undefined })];
    await tick();
    s.release();
    const [a, b] = await Promise.all(two);
    expect(a).toBe(b);
    expect(await packs.build(store, 'E10000017', 'pdf', { theme: 'holidays' })).toBe(a);
    expect(packs.stats()).toMatchObject({ builds: 1, hits: 1 });
    // New data (another version) builds again.
    const later = packs.build(storeAt('v2'), 'E10000017', 'pdf', { theme: 'holidays' });
    await tick();
    s.release();
    expect(await later).not.toBe(a);
    expect(packs.stats().builds).toBe(2);
  });

  it('keeps no more bytes than its bound, dropping the least recently used', async () => {
    const s = standIn(400);
    const packs = boundedPackBuilder(s.builder, { cacheBytes: 1000 });
    const store = storeAt('v1');
    for (const theme of ['a', 'b', 'c']) {
      const p = packs.build(store, 'X', 'pdf', { theme });
      await tick();
      s.release();
      await p;
    }
    expect(packs.stats()).toMatchObject({ cached: 2, cachedBytes: 800 });
    const again = packs.build(store, 'X', 'pdf', { theme: 'a' });
    await tick();
    expect(packs.stats().running).toBe(1);
    s.release();
    await again;
  });
});
