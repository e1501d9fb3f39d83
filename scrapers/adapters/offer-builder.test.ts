// Offer ids stay stable and distinct: case-sensitive platform ids never collide once made into slugs.
import { describe, expect, it } from 'vitest';
import { offerId } from './offer-builder.js';

describe('offerId', () => {
  it('keeps plain ids readable', () => {
    expect(offerId('oruk_v1', 'E10000017', '40101')).toBe('oruk_v1:e10000017:40101');
  });
  it('keeps ids that differ only in case apart, and the same id stable', () => {
    const a = offerId('kb5', 'E10000014', 'D3n4HxtKPow');
    const b = offerId('kb5', 'E10000014', 'd3n4hxtkpow');
    expect(a).not.toBe(b);
    expect(a).toBe(offerId('kb5', 'E10000014', 'D3n4HxtKPow'));
    expect(a).toMatch(/^kb5:e10000014:d3n4hxtkpow-[0-9a-z]{7}$/);
  });
});
