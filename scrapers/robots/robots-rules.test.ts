// Tests for robots-rules: group choice, RFC 9309 matching, Crawl-delay, fetch-status policy, size cap and explanations.
// Every robots.txt here is synthetic, written for these tests.
import { describe, expect, it } from 'vitest';
import { ROBOTS_MAX_BYTES, ROBOTS_PRODUCT_TOKEN, rulesForStatus, rulesFromFile } from './robots-rules.js';

const SITE = 'https://www.example-council.gov.uk';
const ROBOTS_URL = `${SITE}/robots.txt`;

interface MatchCase {
  name: string;
  robots: string;
  path: string;
  allowed: boolean;
  token?: string;
}

const lines = (...parts: string[]): string => parts.join('\n') + '\n';

const MATCH_CASES: MatchCase[] = [
  {
    name: 'our group wins over *',
    robots: lines('User-agent: *', 'Disallow: /', '', `User-agent: ${ROBOTS_PRODUCT_TOKEN}`, 'Disallow: /private/'),
    path: '/services/short-breaks',
    allowed: true,
  },
  {
    name: 'our group still applies its own rules',
    robots: lines('User-agent: *', 'Disallow: /', '', `User-agent: ${ROBOTS_PRODUCT_TOKEN}`, 'Disallow: /private/'),
    path: '/private/report',
    allowed: false,
  },
  {
    name: '* applies when no group names us',
    robots: lines('User-agent: Googlebot', 'Disallow: /', '', 'User-agent: *', 'Disallow: /private/'),
    path: '/services',
    allowed: true,
  },
  {
    name: '* rules block when no group names us',
    robots: lines('User-agent: Googlebot', 'Allow: /', '', 'User-agent: *', 'Disallow: /private/'),
    path: '/private/x',
    allowed: false,
  },
  {
    name: 'user-agent matching is case-insensitive',
    robots: lines('User-agent: *', 'Allow: /', '', 'User-agent: Short-Breaks-BENCHMARK', 'Disallow: /search'),
    path: '/search?q=respite',
    allowed: false,
  },
  {
    name: 'a version suffix in the user-agent line still names us',
    robots: lines('User-agent: short-breaks-benchmark/2.0', 'Disallow: /forms/'),
    path: '/forms/apply',
    allowed: false,
  },
  {
    name: 'a group naming us with no rules allows everything',
    robots: lines('User-agent: *', 'Disallow: /', '', `User-agent: ${ROBOTS_PRODUCT_TOKEN}`),
    path: '/anything',
    allowed: true,
  },
  {
    name: 'a group shared by us and another agent applies to us',
    robots: lines('User-agent: *', 'Disallow: /', '', 'User-agent: bingbot', `User-agent: ${ROBOTS_PRODUCT_TOKEN}`, 'Disallow: /x'),
    path: '/y',
    allowed: true,
  },
  {
    name: 'a custom product token is honoured',
    robots: lines('User-agent: *', 'Allow: /', '', 'User-agent: OtherBot', 'Disallow: /'),
    path: '/services',
    allowed: false,
    token: 'otherbot',
  },
  {
    name: 'longest match: longer Allow beats shorter Disallow',
    robots: lines('User-agent: *', 'Disallow: /docs/', 'Allow: /docs/public/'),
    path: '/docs/public/offer.pdf',
    allowed: true,
  },
  {
    name: 'longest match: shorter Disallow still covers the rest',
    robots: lines('User-agent: *', 'Disallow: /docs/', 'Allow: /docs/public/'),
    path: '/docs/internal.pdf',
    allowed: false,
  },
  {
    name: 'longest match: longer Disallow beats shorter Allow',
    robots: lines('User-agent: *', 'Allow: /a', 'Disallow: /a/b'),
    path: '/a/b/c',
    allowed: false,
  },
  {
    name: 'equal length: Allow wins',
    robots: lines('User-agent: *', 'Disallow: /page', 'Allow: /page'),
    path: '/page',
    allowed: true,
  },
  { name: '$ anchors the end', robots: lines('User-agent: *', 'Disallow: /*.pdf$'), path: '/files/offer.pdf', allowed: false },
  { name: '$ does not match a longer path', robots: lines('User-agent: *', 'Disallow: /*.pdf$'), path: '/files/offer.pdf?v=2', allowed: true },
  { name: '* matches inside a path', robots: lines('User-agent: *', 'Disallow: /*/print'), path: '/services/print', allowed: false },
  { name: '* pattern that does not match', robots: lines('User-agent: *', 'Disallow: /*/print'), path: '/services', allowed: true },
  { name: '* with a query string', robots: lines('User-agent: *', 'Disallow: /*?sort='), path: '/list?sort=name', allowed: false },
  { name: 'empty file allows everything', robots: '', path: '/private/', allowed: true },
  { name: 'empty Disallow allows everything', robots: lines('User-agent: *', 'Disallow:'), path: '/x', allowed: true },
  {
    name: 'bad lines are ignored (misspelt)',
    robots: lines('this is not a rule', 'User-agent: *', 'Disalow: /typo', 'Disallow /no-colon', 'Disallow: /real'),
    path: '/typo',
    allowed: true,
  },
  {
    name: 'bad lines are ignored (no colon)',
    robots: lines('User-agent: *', 'Disallow /no-colon', 'Disallow: /real'),
    path: '/no-colon',
    allowed: true,
  },
  {
    name: 'good lines after bad ones still apply',
    robots: lines('<html>oops</html>', 'User-agent: *', 'Disalow: /typo', 'Disallow: /real # a comment'),
    path: '/real/page',
    allowed: false,
  },
  { name: 'rules before any User-agent line are ignored', robots: lines('Disallow: /', 'User-agent: *', 'Disallow: /x'), path: '/y', allowed: true },
  { name: 'a leading BOM does not hide the first line', robots: '\uFEFF' + lines('User-agent: *', 'Disallow: /x'), path: '/x', allowed: false },
  { name: 'CRLF line endings', robots: 'User-agent: *\r\nDisallow: /x\r\n', path: '/x/1', allowed: false },
];

describe('rulesFromFile: matching', () => {
  it.each(MATCH_CASES)('$name', ({ robots, path, allowed, token }) => {
    const rules = rulesFromFile(ROBOTS_URL, robots, token);
    expect(rules.source).toBe('file');
    expect(rules.isAllowed(`${SITE}${path}`)).toBe(allowed);
  });

  it('disallows a URL on another origin', () => {
    const rules = rulesFromFile(ROBOTS_URL, '');
    expect(rules.isAllowed('https://other.gov.uk/')).toBe(false);
    expect(rules.isAllowed('http://www.example-council.gov.uk/')).toBe(false);
    expect(rules.explain('https://other.gov.uk/')).toContain('not covered');
  });
});

describe('rulesFromFile: Crawl-delay', () => {
  it.each([
    { name: 'read from *', robots: lines('User-agent: *', 'Crawl-delay: 2'), ms: 2000 },
    { name: 'fractional seconds', robots: lines('User-agent: *', 'Crawl-delay: 0.5'), ms: 500 },
    {
      name: 'our group overrides *',
      robots: lines('User-agent: *', 'Crawl-delay: 10', '', `User-agent: ${ROBOTS_PRODUCT_TOKEN}`, 'Crawl-delay: 3'),
      ms: 3000,
    },
    {
      name: 'falls back to * when our group sets none',
      robots: lines('User-agent: *', 'Crawl-delay: 10', '', `User-agent: ${ROBOTS_PRODUCT_TOKEN}`, 'Disallow: /x'),
      ms: 10000,
    },
    { name: 'another agent’s delay is ignored', robots: lines('User-agent: slowbot', 'Crawl-delay: 30'), ms: undefined },
    { name: 'absent', robots: lines('User-agent: *', 'Disallow: /x'), ms: undefined },
    { name: 'not a number', robots: lines('User-agent: *', 'Crawl-delay: soon'), ms: undefined },
    { name: 'empty file', robots: '', ms: undefined },
  ])('$name', ({ robots, ms }) => {
    expect(rulesFromFile(ROBOTS_URL, robots).crawlDelayMs).toBe(ms);
  });
});

describe('rulesFromFile: explain', () => {
  const robots = lines(
    '# Example council robots.txt',
    'User-agent: *',
    'Disallow: /private/ # staff only',
    'Allow: /private/open/',
    '',
    'User-agent: Short-Breaks-Benchmark',
    'disallow: /search',
  );

  it.each([
    { path: '/private/report', text: 'Disallow: /private/ (group: *, line 3)', token: 'googlebot' },
    { path: '/private/open/page', text: 'Allow: /private/open/ (group: *, line 4)', token: 'googlebot' },
    { path: '/search?q=x', text: `Disallow: /search (group: ${ROBOTS_PRODUCT_TOKEN}, line 7)`, token: undefined },
    { path: '/services', text: `allowed: no rule in ${ROBOTS_URL} matches (group: ${ROBOTS_PRODUCT_TOKEN})`, token: undefined },
  ])('$path -> $text', ({ path, text, token }) => {
    expect(rulesFromFile(ROBOTS_URL, robots, token).explain(`${SITE}${path}`)).toBe(text);
  });
});

describe('rulesFromFile: size cap (500 KiB)', () => {
  const head = lines('User-agent: *', 'Disallow: /early');

  it('ignores rules after the first 500 KiB', () => {
    const filler = `# ${'x'.repeat(98)}\n`.repeat(Math.ceil(ROBOTS_MAX_BYTES / 100));
    const rules = rulesFromFile(ROBOTS_URL, head + filler + lines('Disallow: /late'));
    expect(rules.isAllowed(`${SITE}/early`)).toBe(false);
    expect(rules.isAllowed(`${SITE}/late`)).toBe(true);
  });

  it('drops a rule cut in half at the limit', () => {
    const straddler = 'Disallow: /abcdef';
    const fillerLength = ROBOTS_MAX_BYTES - head.length - 13 - 1; // the line break ends at the limit minus 13
    const body = head + '#'.repeat(fillerLength) + '\n' + straddler + '\n';
    // Without the line cut the parser would read 'Disallow: /ab' and block /abzzz.
    const rules = rulesFromFile(ROBOTS_URL, body);
    expect(rules.isAllowed(`${SITE}/abzzz`)).toBe(true);
    expect(rules.isAllowed(`${SITE}/early`)).toBe(false);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const filler = `# ${'é'.repeat(49)}\n`.repeat(Math.ceil((ROBOTS_MAX_BYTES * 0.7) / 50)); // ~350K chars, ~700 KiB
    const body = head + filler + lines('Disallow: /late');
    expect(body.length).toBeLessThan(ROBOTS_MAX_BYTES);
    expect(rulesFromFile(ROBOTS_URL, body).isAllowed(`${SITE}/late`)).toBe(true);
  });
});

describe('rulesFromFile: Sitemap lines', () => {
  it('lists them as absolute URLs, whatever group they sit in, once each', () => {
    const robots = lines('Sitemap: https://www.example-council.gov.uk/sitemap.xml', 'User-agent: *', 'Disallow: /x', 'Sitemap: /sitemaps/pages.xml', 'sitemap: /sitemap.xml', 'Sitemap: ftp://x.example/s.xml');
    expect(rulesFromFile(ROBOTS_URL, robots).sitemaps).toEqual([`${SITE}/sitemap.xml`, `${SITE}/sitemaps/pages.xml`]);
  });

  it('none without a file', () => {
    expect(rulesForStatus(404, ROBOTS_URL).sitemaps).toEqual([]);
    expect(rulesFromFile(ROBOTS_URL, lines('User-agent: *', 'Disallow:')).sitemaps).toEqual([]);
  });
});

describe('rulesForStatus', () => {
  it.each([404, 410, 401, 403, 310])('HTTP %i -> not_found, allow all', (status) => {
    const rules = rulesForStatus(status, ROBOTS_URL);
    expect(rules.source).toBe('not_found');
    expect(rules.isAllowed(`${SITE}/private/anything`)).toBe(true);
    expect(rules.crawlDelayMs).toBeUndefined();
    expect(rules.explain(`${SITE}/x`)).toBe(`robots.txt not found (HTTP ${status}): allow all`);
  });

  it.each([
    { status: 500, text: 'robots.txt unreachable (HTTP 500): disallow for now' },
    { status: 503, text: 'robots.txt unreachable (HTTP 503): disallow for now' },
    { status: 429, text: 'robots.txt unreachable (HTTP 429): disallow for now' },
    { status: 'network_error' as const, text: 'robots.txt unreachable (network error): disallow for now' },
  ])('$status -> unreachable, disallow all', ({ status, text }) => {
    const rules = rulesForStatus(status, ROBOTS_URL);
    expect(rules.source).toBe('unreachable');
    expect(rules.isAllowed(`${SITE}/`)).toBe(false);
    expect(rules.explain(`${SITE}/`)).toBe(text);
  });

  it('does not cover another origin', () => {
    expect(rulesForStatus(404, ROBOTS_URL).isAllowed('https://other.gov.uk/')).toBe(false);
  });
});
