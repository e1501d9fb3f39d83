// An offer whose page no longer yields it is marked as disappeared after the run, listed by `sbb diff`, and no
// longer shown; when it comes back it appears again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyCouncils } from '../../src/node/classify-offers.js';
import { htmlPage } from '../support/fixture-server.js';
import { COUNCIL, startHarness, type Harness } from '../support/crawl-harness.js';
import { runCli } from '../support/temp-db.js';

describe('offers that disappear', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  async function scrapeOnce() {
    const r = await h.scrape(['/']);
    await h.store.classification.markDisappeared(r.runId, new Date());
    await classifyCouncils(h.store, [COUNCIL], { runId: r.runId });
    return r;
  }
  const names = async () => (await h.store.offersOf(COUNCIL)).filter((o) => o.source.url.startsWith(h.server.url)).map((o) => o.name).sort();

  it('are marked disappeared when their page is gone, and appear again when it is back', async () => {
    h.server.routes({
      '/robots.txt': { kind: 'static', body: '' },
      '/': { kind: 'static', body: htmlPage('Short breaks (synthetic)', '<a href="/club">club</a>') },
      '/club': { kind: 'static', body: htmlPage('Saturday club (synthetic)', '') },
    });
    await scrapeOnce();
    expect(await names()).toEqual(['Saturday club (synthetic)', 'Short breaks (synthetic)']);

    h.server.route('/club', { kind: 'status', status: 404 });
    await scrapeOnce();
    expect(await names()).toEqual(['Short breaks (synthetic)']);
    const diff = JSON.parse((await runCli('diff', COUNCIL, '--json', '--db', h.dbPath)).stdout) as Array<{ change: string; offer: string }>;
    expect(diff.filter((d) => d.offer === 'Saturday club (synthetic)').map((d) => d.change)).toEqual(['appeared', 'disappeared']);

    h.server.route('/club', { kind: 'static', body: htmlPage('Saturday club (synthetic)', '') });
    await scrapeOnce();
    expect(await names()).toEqual(['Saturday club (synthetic)', 'Short breaks (synthetic)']);
    const again = JSON.parse((await runCli('diff', COUNCIL, '--json', '--db', h.dbPath)).stdout) as Array<{ change: string; offer: string }>;
    expect(again.filter((d) => d.offer === 'Saturday club (synthetic)').map((d) => d.change)).toEqual(['appeared', 'disappeared', 'appeared']);
  });
});
