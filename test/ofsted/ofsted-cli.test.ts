// `sbb ofsted`: clear errors for unreadable files while the rest of a batch loads, idempotent import, findings in the
// council API with page citations, and reports fetched through the crawler.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/node/open-database.js';
import { REPORTS_DIR } from '../../src/node/paths.js';
import { startServer, type RunningServer } from '../../src/node/serve.js';
import { blankPdf, passwordProtectedPdf } from '../support/pdf-samples.js';
import { builtDb, dumpDb, runCli } from '../support/temp-db.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';
import { readFileSync } from 'node:fs';
import { syntheticReportPdf } from '../support/area-send-report-pdf.js';

const LANCS = join(REPORTS_DIR, '80480_lancashire_12-february-2025.pdf');
const HARTLEPOOL = join(REPORTS_DIR, '80473_hartlepool_16-may-2023.pdf');

describe('sbb ofsted', () => {
  let db: Awaited<ReturnType<typeof builtDb>>;
  beforeAll(async () => {
    db = await builtDb({ curated: [] });
  });
  afterAll(() => db.cleanup());

  it('parse --json prints the record of one report', async () => {
    const r = await runCli('ofsted', 'parse', LANCS, '--json', '--db', db.path);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ council_code: 'E10000017', inspection_start: '2024-12-09', outcome_code: 3, findings: [{ page: 3 }, { page: 3 }] });
  });

  it('names a file that is not a PDF, an encrypted PDF and one without text, and still imports the good ones', async () => {
    const notPdf = join(db.dir, 'report.pdf');
    writeFileSync(notPdf, '<html>Access denied</html>');
    const locked = join(db.dir, 'locked.pdf');
    writeFileSync(locked, passwordProtectedPdf());
    const blank = join(db.dir, 'scan.pdf');
    writeFileSync(blank, await blankPdf());
    const r = await runCli('ofsted', 'import', notPdf, locked, blank, LANCS, '--db', db.path);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/80480_lancashire_12-february-2025\.pdf\s+E10000017\s+3\s+2/);
    expect(r.stdout).toMatch(/imported 1 report; 3 could not be read/);
    expect(r.stderr).toMatch(/report\.pdf: not a PDF/);
    expect(r.stderr).toMatch(/locked\.pdf: the PDF is encrypted/);
    expect(r.stderr).toMatch(/scan\.pdf: the PDF has no text layer/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a report whose area matches no council parses with the council empty, is not imported without --council, and is with it', async () => {
    const file = join(db.dir, 'atlantis.pdf');
    writeFileSync(file, await syntheticReportPdf('Atlantis'));
    const parsed = await runCli('ofsted', 'parse', file, '--json', '--db', db.path);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ council_code: null, outcome_code: 1, inspection_start: '2024-12-09', problems: ['the local area "Atlantis" does not match any council'] });
    expect(parsed.stderr).toMatch(/atlantis\.pdf: the local area "Atlantis" does not match any council \(say which with --council CODE\)/);
    const named = await runCli('ofsted', 'parse', file, '--json', '--council', 'Hartlepool', '--db', db.path);
    expect(JSON.parse(named.stdout)).toMatchObject({ council_code: 'E06000001', problems: [] });
    const refused = await runCli('ofsted', 'import', file, '--db', db.path);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/atlantis\.pdf: the local area "Atlantis" does not match any council/);
    expect(refused.stderr).toMatch(/--council CODE/);
    const unknown = await runCli('ofsted', 'import', file, '--council', 'Atlantis', '--db', db.path);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--council: no council with code "Atlantis"/);
    const imported = await runCli('ofsted', 'import', file, '--council', '841', '--db', db.path);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/atlantis\.pdf\s+E06000005\s+1/);
  });

  it('importing the same report twice changes nothing', async () => {
    await runCli('ofsted', 'import', LANCS, '--db', db.path);
    const before = dumpDb(db.path);
    expect((await runCli('ofsted', 'import', LANCS, '--db', db.path)).code).toBe(0);
    expect(dumpDb(db.path)).toEqual(before);
  });

  it('GET /api/councils/:code shows the latest outcome and the short-break findings with page citations', async () => {
    const store = await openDatabase(db.path);
    const server: RunningServer = await startServer(store, 0, '127.0.0.1');
    try {
      const body = (await (await fetch(`${server.url}/api/councils/E10000017`)).json()) as any;
      expect(body.data.latest_area_send).toMatchObject({ outcome_code: 3, inspection_start: '2024-12-09', report_url: expect.stringMatching(/^https:\/\/files\.ofsted\.gov\.uk\//), next_full_inspection: 'within approximately three years' });
      expect(body.data.area_send_findings).toHaveLength(2);
      expect(body.data.area_send_findings[0]).toMatchObject({
        page: 3, polarity: 'weakness', cue: 'not all', topic: 'short_breaks',
        citation: '80480_lancashire_12-february-2025.pdf (inspection of 2024-12-09), p. 3',
        sentence: expect.stringMatching(/^There is a range of specialist short breaks/),
      });
    } finally {
      await server.close();
      await store.driver.close();
    }
  });

  describe('fetch', () => {
    let server: FixtureServer;
    beforeAll(async () => {
      server = await startFixtureServer({
        routes: {
          '/robots.txt': { kind: 'static', body: '', headers: { 'content-type': 'text/plain' } },
          '/v1/file/hartlepool': { kind: 'static', body: readFileSync(HARTLEPOOL), headers: { 'content-type': 'application/pdf' } },
        },
      });
    });
    afterAll(() => server.close());

    it('fetches a report through the crawler, keeps it as a snapshot and imports it', async () => {
      const copy = join(db.dir, 'unused.pdf');
      copyFileSync(HARTLEPOOL, copy);
      const r = await runCli('ofsted', 'fetch', '--council', 'E06000001', '--url', `${server.url}/v1/file/hartlepool`, '--allow-host', '127.0.0.1', '--db', db.path);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\/v1\/file\/hartlepool: Hartlepool, outcome 1, 4 findings/);
      const detail = JSON.parse((await runCli('council', 'E06000001', '--json', '--db', db.path)).stdout);
      expect(detail.area_send_findings).toHaveLength(4);
    });
  });
});
