import { describe, expect, it } from 'vitest';
import { HostGate } from './host-gate.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('host gate', () => {
  it('lets one request through at a time, each the delay after the previous one ended', async () => {
    const gate = new HostGate();
    const starts: number[] = [];
    const ends: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const token = await gate.turn(40);
        starts.push(performance.now());
        await wait(10);
        ends.push(performance.now());
        gate.ended(token, 40);
      }),
    );
    for (let i = 1; i < 4; i++) expect(starts[i]! - ends[i - 1]!).toBeGreaterThanOrEqual(39);
  });

  it('lets the next consumer through after the lease when a holder never reports back', async () => {
    const gate = new HostGate(undefined, 30);
    await gate.turn(5);
    const t0 = performance.now();
    const token = await gate.turn(5);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(30);
    gate.ended(token, 5);
    gate.ended(token, 5); // repeated: ignored
  });
});
