// Which links a crawl follows: each page once, within the source's cap; form posts keyed by their body, only to the
// page's own host, within the size and per-search caps, each refusal said.
import { describe, expect, it } from 'vitest';
import { formKey, requestUrlOf } from '../../src/domain/index.js';
import { FrontierLinks } from './frontier-links.js';

const PAGE = 'https://fis.exampleshire.example/SynergyWeb/Enquiries/Search.aspx?searchID=226';
const item = { url: PAGE, sourceId: 'src_1', label: 'search', depth: 0 };
const post = (form: string, url = PAGE) => ({ url, label: 'results', form });

describe('FrontierLinks', () => {
  it('keys a form post by its address and body: two bodies are two pages, the same body once', () => {
    const f = new FrontierLinks({ maxPagesPerSource: 100 });
    const { links, problems } = f.next(item, [post('a=1'), post('a=2'), post('a=1'), { url: PAGE, label: 'search' }], PAGE);
    expect(problems).toEqual([]);
    expect(links.map((l) => l.url)).toEqual([formKey(PAGE, 'a=1'), formKey(PAGE, 'a=2'), PAGE]);
    expect(links[0]).toEqual({ url: expect.stringMatching(/Search\.aspx\?searchID=226#post-[0-9a-f]{14}$/), label: 'results', form: 'a=1' });
    expect(requestUrlOf(links[0]!)).toBe(PAGE);
    // Seen in this run: asked again, not queued again.
    expect(f.next(item, [post('a=1')], PAGE).links).toEqual([]);
  });

  it('never sends a form to another host than its page, and says so', () => {
    const f = new FrontierLinks({ maxPagesPerSource: 100 });
    const out = f.next(item, [post('a=1', 'https://elsewhere.example/collect')], PAGE);
    expect(out).toEqual({ links: [], problems: ['a form post to https://elsewhere.example/collect was not sent: it is on another host than its page (fis.exampleshire.example)'] });
  });

  it('stops at the cap per search (one address), counting posts remembered from the frontier, and says so once', () => {
    const f = new FrontierLinks({ maxPagesPerSource: 100, maxFormPostsPerSearch: 3 });
    f.remember([{ ...item, url: formKey(PAGE, 'p=1'), form: 'p=1' }]);
    const out = f.next(item, [post('p=2'), post('p=3'), post('p=4'), post('p=5'), post('x=1', `${PAGE.replace('226', '227')}`)], PAGE);
    expect(out.links.map((l) => l.form)).toEqual(['p=2', 'p=3', 'x=1']);
    expect(out.problems).toEqual([expect.stringMatching(/^form posts to .*searchID=226 stop at 3 \(the result pages of one search\)/)]);
  });

  it('refuses a body larger than the cap (the Worker queue carries a page in one message)', () => {
    const f = new FrontierLinks({ maxPagesPerSource: 100, maxFormBytes: 10 });
    expect(f.next(item, [post('__VIEWSTATE=0123456789')], PAGE).problems).toEqual([expect.stringMatching(/body \(22 bytes\) is larger than 10 bytes/)]);
  });

  it('counts posts against the page cap of their source like any page', () => {
    const f = new FrontierLinks({ maxPagesPerSource: 2 });
    expect(f.next(item, [post('a=1'), { url: `${PAGE}&x`, label: 'search' }, post('a=2')], PAGE).links).toHaveLength(2);
  });
});
