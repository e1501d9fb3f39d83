// 200 participants scoring 8 options on 6 factors at once, then all changing their scores at once, over HTTP on a
// real server: every score is counted exactly once, with its latest value.
import { describe, expect, it } from 'vitest';
import { WORKSHOP_TOKEN, workshopServer } from '../support/workshop-server.js';

const served = workshopServer();
const PARTICIPANTS = 200;
const ROLES = ['parent_carer', 'young_person', 'provider', 'council_officer', 'health', 'other'];

const send = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(served.url + path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: any } };
};

describe('a room of 200 scoring at once', () => {
  it('counts every score once, and a changed score replaces the old one', async () => {
    const w = (await send('POST', '/api/workshops', { council: 'E10000017' }, { Authorization: `Bearer ${WORKSHOP_TOKEN}` })).body.data;
    const options: string[] = w.options.slice(0, 8).map((o: { id: string }) => o.id);
    const factors: string[] = w.factors.map((f: { id: string }) => f.id);
    expect(options).toHaveLength(8);
    const joined = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => send('POST', `/api/workshops/${w.code}/participants`, { role: ROLES[i % ROLES.length] })));
    expect(joined.map((j) => j.status).every((s) => s === 201)).toBe(true);
    const keys = joined.map((j) => j.body.data.participant_key as string);
    const scoreOf = (p: number, o: number, f: number, round: number) => (p + o * 3 + f + round) % 6;
    const submitAll = (round: number) =>
      Promise.all(
        keys.map((participant_key, p) =>
          send('PUT', `/api/workshops/${w.code}/scores`, { participant_key, scores: options.flatMap((option, o) => factors.map((factor, f) => ({ option, factor, score: scoreOf(p, o, f, round) }))) }),
        ),
      );
    for (const round of [0, 1]) expect((await submitAll(round)).map((r) => r.status).filter((s) => s !== 200)).toEqual([]);

    const r = (await fetch(`${served.url}/api/workshops/${w.code}/results`, { headers: { 'X-Facilitator-Key': w.facilitator_key } }).then((x) => x.json())) as { data: any };
    expect(r.data.participants.total).toBe(PARTICIPANTS);
    options.forEach((id, o) => {
      const got = r.data.options.find((x: { id: string }) => x.id === id);
      const all = keys.flatMap((_, p) => factors.map((_f, f) => scoreOf(p, o, f, 1)));
      expect(got.responses, id).toBe(PARTICIPANTS * factors.length);
      expect(got.participants, id).toBe(PARTICIPANTS);
      expect(got.mean, id).toBe(Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 100) / 100);
      for (const v of ['0', '1', '2', '3', '4', '5']) expect(got.spread[v], `${id} ${v}`).toBe(all.filter((s) => String(s) === v).length);
    });
  }, 120_000);
});
