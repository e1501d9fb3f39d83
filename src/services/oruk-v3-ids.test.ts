import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FEED_NAMESPACE, orukId, sha1, uuidV5 } from './oruk-v3-ids.js';

describe('stable UUIDs for the ORUK 3.0 feed', () => {
  it('hashes as SHA-1 does, across block boundaries', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é'.repeat(300)]) {
      const bytes = new TextEncoder().encode(text);
      expect(Buffer.from(sha1(bytes)).toString('hex'), `${text.length} chars`).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });

  it('derives version-5 UUIDs as RFC 9562 does (the DNS namespace example)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives each of our ids one UUID that never changes, and different kinds different UUIDs', () => {
    expect(FEED_NAMESPACE).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const id = orukId('service', 'curated:e10000017:short-breaks-card');
    expect(orukId('service', 'curated:e10000017:short-breaks-card')).toBe(id);
    expect(orukId('organization', 'curated:e10000017:short-breaks-card')).not.toBe(id);
    // Pinned: a change here would change every id a consumer of the feed has stored.
    expect(orukId('taxonomy', 'types')).toBe('871513ec-0dfc-58f8-a148-32f55714daf1');
    expect(orukId('service', 'curated:e10000017:x')).toBe('03519509-7362-538e-abc9-34aa939bc0fe');
  });
});
