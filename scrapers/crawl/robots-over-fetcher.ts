// The robots.txt cache a crawl uses, fetching each file through the crawl's own fetcher (so the address guard and
// the User-Agent apply to robots.txt too). Shared by `sbb scrape` and `sbb discover`.
import { isFetchError } from '../fetch/fetch-error.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { RobotsCache } from '../robots/robots-cache.js';

export function robotsOverFetcher(fetcher: Fetcher, signal?: AbortSignal): RobotsCache {
  return new RobotsCache(async (robotsUrl) => {
    try {
      const page = await fetcher.fetch({ url: robotsUrl, accept: 'text/plain,*/*;q=0.5', signal });
      return { status: page.status, body: page.text ?? '' };
    } catch (e) {
      // A host we may not contact at all: let the page fetch be refused with the real reason, not "blocked by robots".
      if (isFetchError(e) && e.code === 'blocked_address') return { status: 404, body: '' };
      throw e;
    }
  });
}
