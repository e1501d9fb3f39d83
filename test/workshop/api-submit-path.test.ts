// The submission path under a real Node server: Server-Timing on the writes, many participants at once with a few
// bad submissions each refused by itself, and a facilitator's change (here or from another connection to the
// workshop file, as `sbb workshop close` makes) seen by the very next submission although settings and participants are
// kept in memory.
import { describe, expect, it } from 'vitest';
import { openWorkshopDatabase } from '../../src/node/workshop-database.js';
import * as svc from '../../src/services/workshops.js';
import { WORKSHOP_TOKEN, workshopServer } from '../support/workshop-server.js';

const served = workshopServer();

type Answer = { status: number; body: { data?: any; errors?: Array<{ field?: string; message: string }> }; res: Response };
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(served.url + path, { method, headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, res };
}
async function create() {
  const { status, body } = await call('POST', '/api/workshops', { council: 'E10000017' }, { Authorization: `Bearer ${WORKSHOP_TOKEN}` });
  expect(status).toBe(201);
  return body.data as { code: string; facilitator_key: string; options: Array<{ id: string }>; factors: Array<{ id: string }> };
}
const join = async (code: string, role = 'parent_carer') => (await call('POST', `/api/workshops/${code}/participants`, { role })).body.data.participant_key as string;
const timingOf = (res: Response) => Object.fromEntries((res.headers.get('server-timing') ?? '').split(',').filter(Boolean).map((p) => [p.trim().split(';')[0], Number(/dur=([\d.]+)/.exec(p)?.[1])]));

describe('Server-Timing', () => {
  it("says what the server spent on each write (app, and the store's part), and nothing on reads", async () => {
    const w = await create();
    const joined = await call('POST', `/api/workshops/${w.code}/participants`, { role: 'health' });
    expect(joined.status).toBe(201);
    expect(timingOf(joined.res)).toMatchObject({ app: expect.any(Number), db: expect.any(Number) });
    const scored = await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: joined.body.data.participant_key, scores: [{ option: w.options[0]!.id, factor: w.factors[0]!.id, score: 3 }] });
    expect(scored.status).toBe(200);
    const t = timingOf(scored.res);
    expect(t.app).toBeGreaterThanOrEqual(t.db!);
    expect(t.db).toBeGreaterThan(0);
    // The answer is what was saved, with the participant's role, without reading the rest back.
    expect(scored.body.data).toEqual({ role: 'health', scores: [{ option: w.options[0]!.id, factor: w.factors[0]!.id, score: 3 }], comments: [], saved: { scores: 1, comments: 0, comments_taken_back: 0 } });
    const closed = await call('POST', `/api/workshops/${w.code}/close`, undefined, { 'X-Facilitator-Key': w.facilitator_key });
    expect(timingOf(closed.res).app).toBeGreaterThan(0);
    expect(closed.res.headers.get('cache-control')).toBe('private, no-store');
    expect((await call('GET', `/api/workshops/${w.code}`)).res.headers.get('server-timing')).toBeNull();
  });
});

describe('a room submitting at once', () => {
  it('counts every good submission once and refuses each bad one by itself, naming its own problem', async () => {
    const w = await create();
    const keys = await Promise.all(Array.from({ length: 40 }, () => join(w.code)));
    const scores = w.options.slice(0, 3).flatMap((o, oi) => w.factors.map((f, fi) => ({ option: o.id, factor: f.id, score: (oi + fi) % 6 })));
    const bad: Record<number, unknown> = {
      5: { participant_key: keys[5], scores: [{ option: w.options[0]!.id, factor: w.factors[0]!.id, score: 6 }] },
      12: { participant_key: keys[12], scores: [{ option: 'O999', factor: w.factors[0]!.id, score: 1 }] },
      20: { participant_key: keys[20], scores, mood: 'happy' },
      30: { participant_key: 'wp_nobody', scores },
    };
    const answers = await Promise.all(keys.map((participant_key, i) => call('PUT', `/api/workshops/${w.code}/scores`, bad[i] ?? { participant_key, scores })));
    expect(answers.map((a, i) => (bad[i] ? `${a.status} ${a.body.errors?.[0]?.field}` : a.status)).filter((s) => s !== 200)).toEqual(['400 scores[0].score', '400 scores[0].option', '400 body', '403 participant_key']);
    const r = (await call('GET', `/api/workshops/${w.code}/results`, undefined, { 'X-Facilitator-Key': w.facilitator_key })).body.data;
    for (const o of w.options.slice(0, 3)) expect(r.options.find((x: { id: string }) => x.id === o.id)).toMatchObject({ participants: 36, responses: 36 * w.factors.length });
  });
});

describe("a facilitator's change", () => {
  it('is seen by the very next submission: an option closed (409), dropped (400), opened again (200)', async () => {
    const w = await create();
    const key = await join(w.code);
    const fk = { 'X-Facilitator-Key': w.facilitator_key };
    const [o1, o2, f] = [w.options[0]!.id, w.options[1]!.id, w.factors[0]!.id];
    const submit = (option: string) => call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option, factor: f, score: 2 }] });
    expect((await submit(o1)).status).toBe(200);
    expect((await call('POST', `/api/workshops/${w.code}/options/${o1}/scoring`, { open: false }, fk)).status).toBe(200);
    expect((await submit(o1)).status).toBe(409);
    expect((await call('POST', `/api/workshops/${w.code}/options/${o1}/scoring`, { open: true }, fk)).status).toBe(200);
    expect((await submit(o1)).status).toBe(200);
    expect((await call('PUT', `/api/workshops/${w.code}/options`, { drop: [o2] }, fk)).status).toBe(200);
    const dropped = await submit(o2);
    expect(dropped.status).toBe(400);
    expect(dropped.body.errors![0]!.field).toBe('scores[0].option');
  });

  it('made through another connection to the workshop file (as `sbb workshop close` does) is seen too', async () => {
    const w = await create();
    const key = await join(w.code);
    const submit = () => call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: w.options[0]!.id, factor: w.factors[0]!.id, score: 1 }] });
    expect((await submit()).status).toBe(200);
    const other = await openWorkshopDatabase(served.workshopPath);
    try {
      await svc.closeWorkshop(other, w.code, w.facilitator_key);
    } finally {
      await other.driver.close();
    }
    const refused = await submit();
    expect(refused.status).toBe(409);
    expect(refused.body.errors![0]!.field).toBe('code');
  });

  it('deleting the workshop from another connection refuses the keys the server has already seen (none kept)', async () => {
    const w = await create();
    const key = await join(w.code);
    const submit = () => call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: w.options[0]!.id, factor: w.factors[0]!.id, score: 5 }] });
    // Twice, so that the key's participant is known to the server before the workshop goes.
    expect((await submit()).status).toBe(200);
    expect((await submit()).status).toBe(200);
    const other = await openWorkshopDatabase(served.workshopPath);
    try {
      await svc.deleteWorkshop(other, w.code, w.facilitator_key);
    } finally {
      await other.driver.close();
    }
    const refused = await submit();
    expect(refused.status).toBe(404);
    expect((await call('GET', `/api/workshops/${w.code}/scores`, undefined, { 'X-Participant-Key': key })).status).toBe(404);
  });
});
