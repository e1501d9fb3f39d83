// The pages answer the workshop rate limits as plain HTML: too many wrong codes from one address is a 429 page
// with Retry-After (a room behind one wifi still joins: only wrong codes cost a guess).
import { describe, expect, it } from 'vitest';
import { workshopServer } from '../support/workshop-server.js';

const srv = workshopServer({ workshopLimits: { guess_per_address: { capacity: 3, per_second: 0.01 } } });

describe('workshop pages under the rate limits', () => {
  it('turns away a guesser of codes with a 429 page, and says when to try again', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await fetch(`${srv.url}/w/ZZZZ-ZZZ${i + 2}`, { headers: { Accept: 'text/html' } });
      statuses.push(last.status);
      if (last.status === 429) break;
      await last.text();
    }
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(last!.status).toBe(429);
    expect(last!.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const text = await last!.text();
    expect(text).toContain('Too many tries: wait a moment');
    expect(text).toContain('too many wrong workshop codes');
  });
});
