// Tests for discovery's service rules: the site a web domain gives, which candidates are kept as entry points, and
// the platform (so the adapter) each kept source gets.
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../scrapers/discover/evidence.js';
import { entryPointsOf, siteOfDomain, sourcePlatformOf } from './discover.js';

const c = (url: string, score: number, kind: Candidate['kind'], over: Partial<Candidate> = {}): Candidate => ({
  url, score, kind, platform: 'plain_html', reason: '', flags: [], title: null, ...over,
});

describe('siteOfDomain', () => {
  it.each([
    ['exampleshire.gov.uk', 'https://exampleshire.gov.uk/'],
    ['my.exampleshire.gov.uk/', 'https://my.exampleshire.gov.uk/'],
    ['http://127.0.0.1:4001', 'http://127.0.0.1:4001/'],
  ])('%s -> %s', (domain, site) => expect(siteOfDomain(domain)).toBe(site));
});

describe('entryPointsOf', () => {
  it('keeps the best unflagged candidate of each kind scoring 60 or more', () => {
    const kept = entryPointsOf([
      c('https://x.example/short-breaks', 140, 'local_offer_page'),
      c('https://x.example/statement.pdf', 75, 'pdf'),
      c('https://x.example/short-breaks-consultation', 90, 'statement', { flags: ['consultation'] }),
      c('https://x.example/short-breaks-2', 100, 'local_offer_page'),
      c('https://x.example/kb5/x/d/results.page?c=1', 59, 'directory', { platform: 'idox_kb5' }),
      c('https://x.example/short-breaks-statement', 80, 'statement'),
    ]);
    expect(kept.map((k) => k.url)).toEqual(['https://x.example/short-breaks', 'https://x.example/short-breaks-statement', 'https://x.example/statement.pdf']);
  });

  it('keeps nothing from decoys alone', () => {
    expect(entryPointsOf([c('https://x.example/news/1', 90, 'local_offer_page', { flags: ['news'] })])).toEqual([]);
  });
});

describe('sourcePlatformOf', () => {
  it.each([
    [c('https://x.example/a.pdf', 80, 'pdf', { platform: null }), 'pdf'],
    [c('https://lo.x.example/kb5/x/directory/results.page?localofferchannel=2_8', 80, 'directory', { platform: 'idox_kb5' }), 'idox_kb5'],
    [c('https://x.example/directory/12/local_offer', 80, 'directory', { platform: 'jadu' }), 'jadu'],
    [c('https://x.example/info/1/short_breaks', 80, 'local_offer_page', { platform: 'jadu' }), 'plain_html'],
    [c('https://lo.x.example/kb5/x/directory/advice.page?id=1', 80, 'local_offer_page', { platform: 'idox_kb5' }), 'plain_html'],
    [c('https://lo.x.example/kb5/x/directory/localoffer.page?localofferchannel=0', 80, 'local_offer_page', { platform: 'idox_kb5' }), 'idox_kb5'],
  ])('%j -> %s', (cand, want) => expect(sourcePlatformOf(cand)).toBe(want));
});
