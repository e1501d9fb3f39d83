// `sbb discover` as a researcher runs it, against six synthetic council sites served on 127.0.0.1 (one fixture
// server per host: the council's site, its committee papers, another council, a spam mirror): the real short breaks
// page ranks first on every site, decoys below it; --json's shape; --write keeps entry points; robots.txt, the
// per-host delay and the address guard hold; bad input exits 1 or 2. Nothing leaves loopback.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoverFixture } from '../fixtures/sites/discover/pages.js';
import { DISCOVER_SITES } from '../fixtures/sites/discover/sites.js';
import { jaduSite } from '../fixtures/sites/discover/jadu.js';
import { wordpressSite } from '../fixtures/sites/discover/wordpress.js';
import { serveOnPorts, type ServedSite } from '../support/discover-sites.js';
import { startFixtureServer } from '../support/fixture-server.js';
import { builtDb, runCli } from '../support/temp-db.js';

/** Barnet: a real council code (the sites are invented; --site points discovery at them). */
const CODE = 'E09000003';
const PLATFORM: Record<string, string> = { kb5: 'idox_kb5', synergy: 'servelec_synergy', jadu: 'jadu', localgov: 'plain_html', sharepoint: 'plain_html', wordpress: 'plain_html' };

interface JsonCandidate {
  url: string;
  score: number;
  platform: string | null;
  reason: string;
}

describe('sbb discover', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb({ curated: [] });
  });
  afterAll(() => db?.cleanup());

  const discover = (served: ServedSite, ...extra: string[]) =>
    runCli('discover', CODE, '--site', served.bases.own + served.site.start, '--allow-host', '127.0.0.1', '--delay-ms', '0', '--db', db.path, ...extra);

  describe.each(DISCOVER_SITES.map((s) => [s.name, s] as [string, DiscoverFixture]))('on the synthetic %s site', (name, site) => {
    let served: ServedSite;
    beforeAll(async () => {
      served = await serveOnPorts(site);
    });
    afterAll(() => served?.close());

    it('ranks the real short breaks page first and every decoy below it (--json)', async () => {
      const r = await discover(served, '--json');
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { candidates: JsonCandidate[] };
      expect(Object.keys(json)).toEqual(['candidates']);
      for (const c of json.candidates) expect(Object.keys(c)).toEqual(['url', 'score', 'platform', 'reason']);
      const urls = json.candidates.map((c) => c.url);
      const real = served.bases.own + site.real;
      expect(urls[0], JSON.stringify(json.candidates.slice(0, 3), null, 1)).toBe(real);
      expect(json.candidates[0]!.platform).toBe(PLATFORM[name]);
      expect(json.candidates[0]!.reason).toMatch(/title or heading says short breaks/);
      for (const d of site.decoys) {
        const i = urls.indexOf(served.bases[d.role] + d.path);
        if (i >= 0) expect(json.candidates[i]!.score, d.what).toBeLessThan(json.candidates[0]!.score);
      }
      // Scores are sorted, URLs canonical and unique.
      expect(json.candidates.map((c) => c.score)).toEqual([...json.candidates.map((c) => c.score)].sort((a, b) => b - a));
      expect(new Set(urls).size).toBe(urls.length);
      expect(urls.filter((u) => /jsessionid|slaction|utm_/i.test(u))).toEqual([]);
    });

    it('asks each page once, never what robots.txt disallows, and stays within the page budget', () => {
      const own = served.requests().filter((q) => q.role === 'own');
      expect(own[0]!.path).toBe('/robots.txt');
      const paths = own.map((q) => q.path);
      expect(paths.filter((p) => /jsessionid|slaction/i.test(p))).toEqual([]);
      for (const p of site.disallowed ?? []) expect(paths, p).not.toContain(p);
      // A page reached through a redirect may also be asked for by its own URL before the redirect is seen.
      const redirected = Object.values(site.routes(served.bases).own ?? {}).flatMap((b) => (b.kind === 'redirect' ? [b.location] : []));
      const twice = paths.filter((p, i) => paths.indexOf(p) !== i);
      expect(twice.filter((p) => !redirected.includes(p))).toEqual([]);
      expect(served.requests().filter((q) => q.path !== '/robots.txt').length).toBeLessThanOrEqual(40);
    });
  });

  it('prints the candidates as text, best first, each with its score, platform, kind and reason', async () => {
    const served = await serveOnPorts(jaduSite);
    try {
      const r = await discover(served);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toMatch(/^Barnet \(E09000003\): http:\/\/127\.0\.0\.1:\d+\/: \d+ pages read, \d+ candidates$/);
      expect(lines[1]).toMatch(new RegExp(`^ {3}1\\. +\\d+  jadu +local_offer_page +${served.bases.own}${jaduSite.real}$`));
      expect(lines[2]).toMatch(/^ {8}title or heading says short breaks: "Short breaks \| Fernleigh Borough Council" \(\+50\); /);
      expect(r.stdout).toMatch(/directory-record\/301\/starlight_short_breaks_club\n.*one provider's record/);
    } finally {
      await served.close();
    }
  });

  it('--write keeps the best candidates as entry points, with their kind and platform, and no decoy', async () => {
    const served = await serveOnPorts(wordpressSite);
    try {
      const r = await discover(served, '--write');
      expect(r.code, r.stderr).toBe(0);
      const real = served.bases.own + wordpressSite.real;
      expect(r.stdout).toContain(`kept for Barnet: ${real} (local_offer_page, adapter statement)`);
      const list = await runCli('sources', 'list', CODE, '--json', '--db', db.path);
      const sources = (JSON.parse(list.stdout) as Array<{ url: string; kind: string; platform: string; title: string }>).filter((s) => s.url.startsWith(served.bases.own));
      expect(sources).toEqual([expect.objectContaining({ url: real, kind: 'local_offer_page', platform: 'plain_html', title: 'Short breaks – Marshby District Council' })]);
    } finally {
      await served.close();
    }
  });

  it('respects robots.txt: a site that disallows everything is not read beyond robots.txt', async () => {
    const server = await startFixtureServer({
      routes: {
        '/robots.txt': { kind: 'static', body: 'User-agent: *\nDisallow: /\n', headers: { 'content-type': 'text/plain' } },
        '/': { kind: 'static', body: '<title>Short breaks</title><a href="/short-breaks">Short breaks</a>' },
      },
    });
    try {
      const r = await runCli('discover', CODE, '--site', `${server.url}/`, '--allow-host', '127.0.0.1', '--delay-ms', '0', '--db', db.path);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/no page could be read: home page http:\/\/127\.0\.0\.1:\d+\/: blocked by robots \(Disallow: \/ /);
      expect(server.requests.map((q) => q.path)).toEqual(['/robots.txt']);
    } finally {
      await server.close();
    }
  });

  it('waits the per-host delay between requests to one host, one request at a time, with our User-Agent', async () => {
    const served = await serveOnPorts(wordpressSite);
    try {
      const r = await runCli('discover', CODE, '--site', `${served.bases.own}/`, '--allow-host', '127.0.0.1', '--delay-ms', '120', '--json', '--db', db.path);
      expect(r.code, r.stderr).toBe(0);
      const own = served.servers.own;
      expect(own.requests.length).toBeGreaterThan(8);
      expect(Math.min(...own.gapsMs('127.0.0.1'))).toBeGreaterThanOrEqual(118);
      expect(own.requests.every((q) => /^short-breaks-benchmark\/\d+\.\d+\.\d+ \(\+/.test(String(q.headers['user-agent'])))).toBe(true);
    } finally {
      await served.close();
    }
  });

  it('refuses a loopback site without --allow-host (the address guard), fetching nothing', async () => {
    const server = await startFixtureServer();
    try {
      const r = await runCli('discover', CODE, '--site', `${server.url}/`, '--delay-ms', '0', '--db', db.path);
      expect(r.code).toBe(1);
      expect(r.stderr, r.stderr).toMatch(/127\.0\.0\.1 is a private or special address, fetched only when the host is allowed \(allow it with --allow-host 127\.0\.0\.1\)/);
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('several councils give {"councils": [...]}, each with its candidates', async () => {
    const a = await serveOnPorts(jaduSite);
    const b = await serveOnPorts(wordpressSite);
    // Point two councils' web domains at the loopback sites (a domain written with its scheme is used as is).
    const sql = new Database(db.path);
    sql.prepare('UPDATE councils SET web_domain = ? WHERE code = ?').run(a.bases.own, 'E09000003');
    sql.prepare('UPDATE councils SET web_domain = ? WHERE code = ?').run(b.bases.own, 'E09000002');
    sql.close();
    try {
      const r = await runCli('discover', 'Barnet', 'E09000002', '--allow-host', '127.0.0.1', '--delay-ms', '0', '--json', '--db', db.path);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { councils: Array<{ code: string; name: string; site: string; pages: number; problems: string[]; candidates: JsonCandidate[] }> };
      expect(Object.keys(json)).toEqual(['councils']);
      expect(json.councils.map((c) => [c.code, c.site])).toEqual([['E09000003', `${a.bases.own}/`], ['E09000002', `${b.bases.own}/`]]);
      expect(json.councils[0]!.candidates[0]!.url).toBe(a.bases.own + jaduSite.real);
      expect(json.councils[1]!.candidates[0]!.url).toBe(b.bases.own + wordpressSite.real);
      expect(json.councils.every((c) => c.pages > 5 && c.problems.length === 0)).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it.each([
    [['discover'], 2, /say which councils/],
    [['discover', '888', '--all'], 2, /codes or --all, not both/],
    [['discover', '888', '--site', 'not a url'], 2, /--site: "not a url" is not a URL/],
    [['discover', '888', '--site', 'ftp://x.example/'], 2, /--site: "ftp:\/\/x\.example\/" is not an http\(s\) URL/],
    [['discover', '888', '340', '--site', 'https://x.example/'], 2, /--site needs exactly one council/],
    [['discover', '888', '--delay-ms', 'soon'], 2, /--delay-ms: "soon" is not a whole number/],
    [['discover', 'E10999999', '--site', 'https://x.example/'], 1, /E10999999/],
    [['discover', 'Lancashyre', '--site', 'https://x.example/'], 1, /did you mean/i],
  ])('%j exits %i', async (args, code, message) => {
    const r = await runCli(...(args as string[]), '--db', db.path);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
