import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('the token bucket', () => {
  it('allows the burst, then says how long to wait, and refills with time', () => {
    let now = 0;
    const limit = createRateLimiter({ join: { capacity: 3, per_second: 0.5 } }, () => now);
    expect([limit('join', 'a'), limit('join', 'a'), limit('join', 'a')]).toEqual([null, null, null]);
    expect(limit('join', 'a')).toBe(2);
    expect(limit('join', 'b')).toBeNull();
    now += 2000;
    expect(limit('join', 'a')).toBeNull();
    expect(limit('join', 'a')).toBe(2);
  });

  it('only looks with a cost of 0, and lets through buckets it has no rule for', () => {
    const limit = createRateLimiter({ guess: { capacity: 1, per_second: 0.1 } }, () => 0);
    expect(limit('guess', 'x', 0)).toBeNull();
    expect(limit('guess', 'x', 0)).toBeNull();
    expect(limit('guess', 'x')).toBeNull();
    expect(limit('guess', 'x', 0)).toBe(10);
    expect(limit('other', 'x')).toBeNull();
  });

  it('forgets buckets left idle', () => {
    let now = 0;
    const limit = createRateLimiter({ join: { capacity: 1, per_second: 1 } }, () => now);
    for (let i = 0; i < 100; i++) limit('join', `k${i}`);
    expect(limit.size()).toBe(100);
    now += 11 * 60 * 1000;
    limit('join', 'fresh');
    expect(limit.size()).toBe(1);
  });
});
