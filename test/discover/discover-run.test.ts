// Discovery run in-process against a synthetic site whose hosts have names (www.hollinsby.test and its committee
// papers on democracy.hollinsby.test, another council, a mirror), resolved to 127.0.0.1 by a test resolver, as the
// crawl tests do: subdomains of the council count as its own, each host keeps its own lane and delay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiscovery, type DiscoverResult } from '../../scrapers/discover/run.js';
import { localgovSite } from '../fixtures/sites/discover/localgov.js';
import { serveOnNames, type ServedSite } from '../support/discover-sites.js';

const NAMES = { own: 'www.hollinsby.test', democracy: 'democracy.hollinsby.test', other: 'www.otherborough.test', mirror: 'short-breaks-info.test' };
const toLoopback = async (host: string) => {
  if (!host.endsWith('.test')) throw new Error(`test resolver: ${host} is not a .test host`);
  return ['127.0.0.1'];
};

describe('discovery over named hosts', () => {
  let served: ServedSite;
  let result: DiscoverResult;
  beforeAll(async () => {
    served = await serveOnNames(localgovSite, NAMES);
    [result] = (await runDiscovery([{ councilCode: 'E09000003', councilName: 'Barnet', site: `${served.bases.own}/` }], {
      delayMs: 60, allowHosts: ['*.test'], resolver: toLoopback,
    })) as [DiscoverResult];
  });
  afterAll(() => served?.close());

  it('ranks the real page first; the committee papers on the council subdomain are its own site, and still a decoy', () => {
    expect(result.candidates[0]!.url).toBe(served.bases.own + localgovSite.real);
    const minutes = result.candidates.find((c) => c.url.startsWith(served.bases.democracy));
    expect(minutes?.reason).toContain("on the council's own site");
    expect(minutes?.flags).toContain('minutes');
    const mirror = result.candidates.find((c) => c.url.startsWith(served.bases.mirror));
    expect(mirror?.flags).toEqual(['copy']);
    expect(result.problems).toEqual([]);
  });

  it('reads robots.txt first on every host and keeps the delay on each', () => {
    const server = served.servers.own;
    for (const host of [NAMES.own, NAMES.democracy, NAMES.mirror]) {
      const paths = server.requests.filter((q) => q.host === host).map((q) => q.path);
      expect(paths[0], host).toBe('/robots.txt');
      const gaps = server.gapsMs(host);
      if (gaps.length) expect(Math.min(...gaps), host).toBeGreaterThanOrEqual(58);
    }
    expect(server.requests.filter((q) => q.host === NAMES.own).length).toBeGreaterThan(8);
  });
});
