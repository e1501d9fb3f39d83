// The scrape commands as a researcher uses them (for Stockport, which has no known entry point in the registry, so
// only the loopback sources added here are scraped): sources add/list, scrape with plain progress lines and a
// summary table, exit 0 when single sources fail, reparse from snapshots without fetching, clear usage errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDb, runCli } from '../support/temp-db.js';
import { CHALLENGE_PAGE, htmlPage, startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

describe('sbb scrape, sources and reparse', () => {
  let server: FixtureServer;
  let db: Awaited<ReturnType<typeof builtDb>>;

  beforeAll(async () => {
    db = await builtDb({ curated: [] });
    server = await startFixtureServer({
      routes: {
        '/robots.txt': { kind: 'static', body: 'User-agent: *\nDisallow: /no/\n', headers: { 'content-type': 'text/plain' } },
        '/short-breaks': {
          kind: 'static',
          body: htmlPage(
            'Short breaks (synthetic)',
            '<main><h1>Short breaks for disabled children (synthetic)</h1><p>Exampleshire Council (synthetic) offers short breaks to disabled children and young people aged 0 to 18 who live in Exampleshire.</p>' +
              '<h2>Saturday club</h2><p>A Saturday club for children aged 8 to 18. It costs £2 per hour. You need a Short Breaks Card to book.</p></main>',
          ),
        },
        '/no/statement': { kind: 'static', body: htmlPage('Hidden', '') },
        '/challenge': { kind: 'status', status: 503, body: CHALLENGE_PAGE, headers: { 'content-type': 'text/html', 'cf-mitigated': 'challenge' } },
      },
    });
  });
  afterAll(async () => {
    await server.close();
    db.cleanup();
  });

  it('sources add stores a source for a council and sources list shows it', async () => {
    for (const path of ['/short-breaks', '/no/statement', '/challenge', '/missing'])
      expect((await runCli('sources', 'add', '356', server.url + path, '--kind', 'local_offer_page', '--db', db.path)).code).toBe(0);
    const list = await runCli('sources', 'list', 'E08000007', '--json', '--db', db.path);
    expect(JSON.parse(list.stdout).map((s: { url: string }) => s.url)).toEqual(
      ['/challenge', '/missing', '/no/statement', '/short-breaks'].map((p) => server.url + p),
    );
  });

  it('scrape prints a line per page and a summary table, and exits 0 though some sources failed', async () => {
    const r = await runCli('scrape', '--council', 'E08000007', '--allow-host', '127.0.0.1', '--delay-ms', '0', '--db', db.path);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/scraping: 4 pages queued/);
    expect(r.stderr).toMatch(/\[\d\/\d\] ok 200 http:\/\/127\.0\.0\.1:\d+\/short-breaks/);
    expect(r.stdout).toMatch(/run run_scrape_\S+ completed: 4 pages this session/);
    const table = r.stdout.split('\n');
    expect(table.some((l) => /^E08000007\s+ok\s+1\s+0\s+[1-9]\d*\s+http.*\/short-breaks/.test(l))).toBe(true);
    expect(table.some((l) => /^E08000007\s+blocked_by_robots\s+.*\/no\/statement\s+Disallow: \/no\//.test(l))).toBe(true);
    expect(table.some((l) => /^E08000007\s+bot_protection\s+.*\/challenge\s+Cloudflare challenge/.test(l))).toBe(true);
    expect(table.some((l) => /^E08000007\s+not_found\s+.*\/missing\s+HTTP 404/.test(l))).toBe(true);
    expect(server.hits('/no/statement')).toBe(0);
    expect(server.hits('/challenge')).toBe(1); // a challenge is never asked again
  });

  it('reparse reads the stored snapshots without fetching', async () => {
    const before = server.requests.length;
    const r = await runCli('reparse', '--council', 'E08000007', '--db', db.path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^reparsed 1 snapshot: [1-9]\d* records? stored/);
    expect(server.requests.length).toBe(before);
  });

  it.each([
    [['scrape', '--db', 'x.sqlite'], /say what to scrape/],
    [['scrape', '--council', '888', '--concurrency', 'lots'], /--concurrency: "lots" is not a whole number/],
    [['scrape', '--url', 'http://a.test/', '--council', '888', '--council', '340'], /--url needs exactly one --council/],
    [['sources', 'add', '888', 'ftp://x.example/'], /not an http\(s\) URL/],
    [['sources', 'add', '888', 'https://x.example/', '--kind', 'blog'], /--kind: "blog" is not one of/],
  ])('%j is a usage error naming the problem', async (args, message) => {
    const r = await runCli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('an unknown council is named', async () => {
    const r = await runCli('scrape', '--council', 'E10999999', '--db', db.path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--council: no council with code "E10999999"/);
  });
});
