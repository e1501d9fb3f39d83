// A run killed mid-way (kill -9, or Ctrl-C) resumes with `sbb scrape --resume`: nothing it had is fetched again,
// nothing is stored twice, nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { builtDb } from '../support/temp-db.js';
import { htmlPage, startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

const PAGES = 30;

function sbb(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'sbb.js'), ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  return { child, output: () => out, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function until(check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('resuming a scrape', () => {
  let server: FixtureServer;
  let db: Awaited<ReturnType<typeof builtDb>>;
  const pagePaths = Array.from({ length: PAGES }, (_, i) => `/p/${i + 1}`);
  const pageHits = () => pagePaths.map((p) => server.hits(p));

  beforeEach(async () => {
    db = await builtDb({ curated: [] });
    server = await startFixtureServer({
      routes: {
        '/robots.txt': { kind: 'static', body: 'User-agent: *\nAllow: /\n', headers: { 'content-type': 'text/plain' } },
        ...Object.fromEntries(pagePaths.map((p) => [p, { kind: 'static' as const, body: htmlPage(`Page ${p} (synthetic)`, '') }])),
      },
    });
  });
  afterEach(async () => {
    await server.close();
    db.cleanup();
  });

  // The snapshot adapter: this test is about the crawl machinery, not about parsing pages.
  const scrapeArgs = () => ['scrape', '--council', 'E10000017', '--url', ...pagePaths.map((p) => server.url + p), '--adapter', 'snapshot', '--allow-host', '127.0.0.1', '--delay-ms', '60', '--db', db.path];

  function checkDatabase() {
    const d = new Database(db.path, { readonly: true });
    try {
      const runs = d.prepare("SELECT id, status FROM runs WHERE kind = 'scrape'").all() as Array<{ id: string; status: string }>;
      const frontier = d.prepare('SELECT status, outcome, COUNT(*) AS n FROM frontier GROUP BY status, outcome').all();
      const perUrl = d.prepare('SELECT url, COUNT(*) AS n FROM snapshots GROUP BY url').all() as Array<{ url: string; n: number }>;
      const sources = d.prepare('SELECT status FROM run_sources').all() as Array<{ status: string }>;
      return { runs, frontier, perUrl, sources };
    } finally {
      d.close();
    }
  }

  it('after kill -9: resumes without fetching twice what it had, and stores each page once', async () => {
    const first = sbb(scrapeArgs());
    await until(() => pageHits().filter((n) => n > 0).length >= 8);
    first.child.kill('SIGKILL');
    await first.exited;
    const hitBeforeResume = pageHits().filter((n) => n > 0).length;
    expect(hitBeforeResume).toBeLessThan(PAGES);

    const second = sbb(['scrape', '--resume', '--db', db.path]);
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/resuming run run_scrape_/);
    expect(second.output()).toMatch(/completed/);

    const hits = pageHits();
    expect(hits.every((n) => n >= 1)).toBe(true);
    // Only the page in flight when the process died may be fetched again (one host: one request at a time).
    expect(hits.filter((n) => n > 1).length).toBeLessThanOrEqual(1);
    const state = checkDatabase();
    expect(state.runs).toEqual([{ id: expect.any(String), status: 'completed' }]);
    expect(state.frontier).toEqual([{ status: 'done', outcome: 'ok', n: PAGES }]);
    expect(state.perUrl).toHaveLength(PAGES);
    expect(state.perUrl.every((r) => r.n === 1)).toBe(true);
    expect(state.sources.every((s) => s.status === 'ok')).toBe(true);
  });

  it('after Ctrl-C: stops cleanly as interrupted and says how to carry on', async () => {
    const first = sbb(scrapeArgs());
    await until(() => pageHits().filter((n) => n > 0).length >= 5);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/interrupted: carry on with `sbb scrape --resume --db /);
    expect(checkDatabase().runs[0]!.status).toBe('interrupted');

    const second = sbb(['scrape', '--resume', '--db', db.path]);
    expect(await second.exited).toBe(0);
    expect(pageHits().every((n) => n === 1)).toBe(true);
    expect(checkDatabase().perUrl.every((r) => r.n === 1)).toBe(true);
  });

  it('--resume with nothing to resume says so', async () => {
    const r = sbb(['scrape', '--resume', '--db', db.path]);
    expect(await r.exited).toBe(1);
    expect(r.output()).toMatch(/no unfinished scrape run to resume/);
  });
});
