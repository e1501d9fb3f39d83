// Rate limits on a real server: too many submissions from one participant key, too many joins from one address and
// too many unknown codes tried from one address each answer 429 with Retry-After; guessing stops for known codes too.
import { describe, expect, it } from 'vitest';
import { WORKSHOP_TOKEN, workshopServer } from '../support/workshop-server.js';

const served = workshopServer({
  workshopLimits: { submit_per_key: { capacity: 3, per_second: 0.01 }, join_per_address: { capacity: 6, per_second: 0.01 }, guess_per_address: { capacity: 5, per_second: 0.01 } },
});

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(served.url + path, { method, headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, retry: res.headers.get('retry-after'), body: (await res.json()) as { data?: any; error?: string } };
};

describe('rate limits', () => {
  let w: { code: string; facilitator_key: string; options: Array<{ id: string }> };

  it('stop a participant key after its burst of submissions (429, Retry-After), and other keys go on', async () => {
    w = (await call('POST', '/api/workshops', { council: 'E10000017' }, { Authorization: `Bearer ${WORKSHOP_TOKEN}` })).body.data;
    const key = (await call('POST', `/api/workshops/${w.code}/participants`, { role: 'health' })).body.data.participant_key;
    const submit = (k: string) => call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: k, scores: [{ option: w.options[0]!.id, factor: 'choice', score: 2 }] });
    for (let i = 0; i < 3; i++) expect((await submit(key)).status).toBe(200);
    const limited = await submit(key);
    expect(limited.status).toBe(429);
    expect(Number(limited.retry)).toBeGreaterThan(0);
    expect(limited.body.error).toMatch(/too many/);
    const other = (await call('POST', `/api/workshops/${w.code}/participants`, { role: 'health' })).body.data.participant_key;
    expect((await submit(other)).status).toBe(200);
  });

  it('stop joins from one address after its burst', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('POST', `/api/workshops/${w.code}/participants`, { role: 'other' })).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
  });

  it('stop an address guessing codes, and then answer 429 for a real code too, so the limit gives nothing away', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call('GET', `/api/workshops/ABCD-EFG${'23456789'[i]}`)).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const real = await call('GET', `/api/workshops/${w.code}`);
    expect(real.status).toBe(429);
    expect(Number(real.retry)).toBeGreaterThan(0);
  });
});
