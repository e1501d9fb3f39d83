import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../domain/workshop.js';
import { hashKey, newJoinCode, newKey, sameHash } from './workshops-keys.js';

describe('codes and keys', () => {
  it('makes codes from the readable alphabet, different each time', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newJoinCode()));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(normaliseCode(c)).toBe(c);
  });

  it('makes long random keys, and keeps only their SHA-256', async () => {
    const key = newKey('wp');
    expect(key).toMatch(/^wp_[\w-]{43}$/);
    expect(newKey('wp')).not.toBe(key);
    const hash = await hashKey(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(3));
    expect(sameHash(hash, await hashKey(key))).toBe(true);
    expect(sameHash(hash, await hashKey(`${key}x`))).toBe(false);
    expect(sameHash(hash, hash.slice(0, 63))).toBe(false);
  });
});
