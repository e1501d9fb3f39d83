// What was found of an invented council's own offer: nothing, little or some, its sources and dates, in words.
import { describe, expect, it } from 'vitest';
import { syntheticOffer } from '../../test/support/synthetic-reference.js';
import { foundEasy, foundWarning } from './found-text.js';
import { localFound } from './local-found.js';

const offer = (id: string, url: string, published: string | null, retrieved: string) => syntheticOffer({ id, source: { url, title: id, kind: 'local_offer_page' }, published, retrieved });

describe('localFound', () => {
  it('counts offers and sources, with the first and last read and the newest publication date', () => {
    const f = localFound([offer('a', 'https://ex.example/a', '2024', '2026-11-01'), offer('b', 'https://ex.example/a', '2025-03', '2026-11-20'), offer('c', 'https://ex.example/c', null, '2026-10-02')], [], [4, 5, 0]);
    expect(f).toMatchObject({ offers: 3, level: 'some', read: { first: '2026-10-02', last: '2026-11-20' }, published_latest: '2025-03', peer_median_offers: 4.5 });
    expect(f.sources.map((s) => [s.url, s.published])).toEqual([['https://ex.example/a', '2025-03'], ['https://ex.example/c', null]]);
  });

  it('calls no offers nothing and a few (or under half the comparators\' median) little, and says so first', () => {
    const none = localFound([], [], [6]);
    expect(none).toMatchObject({ level: 'none', read: null, sources: [] });
    expect(foundWarning(none, 'Exampleshire')).toMatch(/^No short break offers published by Exampleshire were found\. .*check what Exampleshire already provides/);
    expect(foundEasy(none, 'Exampleshire')[0]).toBe('We found no short breaks published by Exampleshire.');
    const two = localFound([offer('a', 'https://ex.example/a', null, '2026-11-01'), offer('b', 'https://ex.example/b', null, '2026-11-01')], [], [3]);
    expect(two.level).toBe('little');
    expect(foundEasy(two, 'Exampleshire')).toEqual(['We found only 2 short breaks published by Exampleshire.', 'We read 2 web pages or documents about Exampleshire, up to 1 November 2026.', 'The ideas below come from other councils.', 'Exampleshire may already do some of them.', 'Please check what Exampleshire already provides.']);
    const three = ['a', 'b', 'c'].map((id) => offer(id, `https://ex.example/${id}`, null, '2026-11-01'));
    expect(localFound(three, [], [10, 12]).level).toBe('little');
    expect(localFound(three, [], [4]).level).toBe('some');
    expect(foundWarning(localFound(three, [], [4]), 'Exampleshire')).toBeNull();
  });
});
