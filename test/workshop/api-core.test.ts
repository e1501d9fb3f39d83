// Workshop mode's JSON interface on a real Node server over a real database and workshop file, as a facilitator and
// participants use it: create (token), join (role), score (0-5, replaced never doubled), results, closing, deleting.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RESPONSE_DATA } from '../../src/http/response-schemas.js';
import { WORKSHOP_ROLES } from '../../src/domain/workshop.js';
import { WORKSHOP_TOKEN, workshopServer } from '../support/workshop-server.js';

const served = workshopServer();

type Body = { ok: boolean; data?: any; status?: number; error?: string; errors?: Array<{ field?: string; message: string }> };
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Body; res: Response }> {
  const res = await fetch(served.url + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Body) : ({} as Body), res };
}
const auth = { Authorization: `Bearer ${WORKSHOP_TOKEN}` };

async function create(title = 'Test workshop') {
  const { status, body } = await call('POST', '/api/workshops', { council: 'E10000017', title }, auth);
  expect(status, JSON.stringify(body)).toBe(201);
  return body.data as { code: string; display_code: string; facilitator_key: string; options: Array<{ id: string; title: string }>; factors: Array<{ id: string; title: string }> };
}
const join = async (code: string, role = 'parent_carer') => (await call('POST', `/api/workshops/${code}/participants`, { role })).body.data.participant_key as string;
const results = async (code: string, key: string) => call('GET', `/api/workshops/${code}/results`, undefined, { 'X-Facilitator-Key': key });

describe('creating a workshop', () => {
  it('needs the bearer token (401 without or wrong) and answers 201 with the code, key, options and factors', async () => {
    expect((await call('POST', '/api/workshops', { council: 'E10000017' })).status).toBe(401);
    expect((await call('POST', '/api/workshops', { council: 'E10000017' }, { Authorization: 'Bearer wrong' })).status).toBe(401);
    const w = await create();
    expect(w.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(w.display_code).toBe(`${w.code.slice(0, 4)}-${w.code.slice(4)}`);
    expect(w.facilitator_key.length).toBeGreaterThan(40);
    expect(w.options.length).toBeGreaterThan(0);
    expect(w.factors.map((f) => f.id)).toEqual(['choice', 'equity', 'quality', 'suitability', 'affordability', 'achievability']);
    expect(RESPONSE_DATA['/api/workshops']!.safeParse(w).success).toBe(true);
  });

  it('names an unknown council', async () => {
    const { status, body } = await call('POST', '/api/workshops', { council: 'E99999999' }, auth);
    expect(status).toBe(404);
    expect(body.error).toMatch(/E99999999/);
    expect(body.errors![0]!.field).toBe('council');
  });

  it('shows participants the workshop without keys: options with their easy read, factors and the anchored scale', async () => {
    const w = await create();
    for (const typed of [w.code, w.display_code, w.display_code.toLowerCase(), w.code.toLowerCase()]) {
      const { status, body } = await call('GET', `/api/workshops/${typed}`);
      expect(status, typed).toBe(200);
      expect(body.data.code).toBe(w.code);
    }
    const { body } = await call('GET', `/api/workshops/${w.code}`);
    expect(RESPONSE_DATA['/api/workshops/{workshop}']!.safeParse(body.data).success).toBe(true);
    expect(JSON.stringify(body)).not.toContain(w.facilitator_key);
    expect(body.data.scale).toHaveLength(6);
    expect(body.data.scale[0]).toEqual({ score: 0, means: 'Makes things worse for families' });
    expect(body.data.options.some((o: { easy_read: string | null }) => o.easy_read)).toBe(true);
    expect((await call('GET', '/api/workshops/ZZZZ-ZZZZ')).status).toBe(404);
  });
});

describe('joining', () => {
  it('takes each role, and refuses another naming role', async () => {
    const w = await create();
    for (const role of WORKSHOP_ROLES) {
      const { status, body } = await call('POST', `/api/workshops/${w.code}/participants`, { role });
      expect(status, role).toBe(201);
      expect(body.data.participant_key).toMatch(/^wp_/);
    }
    const bad = await call('POST', `/api/workshops/${w.code}/participants`, { role: 'mayor' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors![0]!.field).toBe('role');
    const { body } = await results(w.code, w.facilitator_key);
    expect(body.data.participants.total).toBe(WORKSHOP_ROLES.length);
    for (const role of WORKSHOP_ROLES) expect(body.data.participants.by_role[role]).toBe(1);
  });
});

describe('scoring', () => {
  it('accepts whole scores 0-5 only, naming the field of anything else', async () => {
    const w = await create();
    const key = await join(w.code);
    const [o, f] = [w.options[0]!.id, w.factors[0]!.id];
    for (const score of [6, -1, 2.5, '3', null]) {
      const { status, body } = await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: o, factor: f, score }] });
      expect(status, String(score)).toBe(400);
      expect(body.errors![0]!.field).toBe('scores[0].score');
    }
    const unknownOption = await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: 'O999', factor: f, score: 3 }] });
    expect(unknownOption.status).toBe(400);
    expect(unknownOption.body.errors![0]).toMatchObject({ field: 'scores[0].option', message: expect.stringContaining('O999') });
    const unknownFactor = await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: o, factor: 'beauty', score: 3 }] });
    expect(unknownFactor.status).toBe(400);
    expect(unknownFactor.body.errors![0]).toMatchObject({ field: 'scores[0].factor', message: expect.stringContaining('beauty') });
    const unknownKey = await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: 'wp_nobody', scores: [{ option: o, factor: f, score: 3 }] });
    expect(unknownKey.status).toBe(403);
    expect(unknownKey.body.errors![0]!.field).toBe('participant_key');
    // Nothing was written by the refused submissions.
    expect((await results(w.code, w.facilitator_key)).body.data.options[0].responses).toBe(0);
  });

  it('counts a changed score once, with the new value, and shows the participant their own', async () => {
    const w = await create();
    const key = await join(w.code, 'young_person');
    const [o, f] = [w.options[0]!.id, w.factors[0]!.id];
    const first = await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: o, factor: f, score: 2 }], comments: [{ option: o, text: 'More <b>weekend</b> clubs' }] });
    expect(first.status).toBe(200);
    expect((await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: o, factor: f, score: 5 }] })).status).toBe(200);
    const mine = await call('GET', `/api/workshops/${w.code}/scores`, undefined, { 'X-Participant-Key': key });
    expect(mine.res.headers.get('cache-control')).toBe('private, no-store');
    expect(mine.body.data).toEqual({ role: 'young_person', scores: [{ option: o, factor: f, score: 5 }], comments: [{ option: o, text: 'More <b>weekend</b> clubs' }] });
    const { status, body } = await results(w.code, w.facilitator_key);
    expect(status).toBe(200);
    expect(RESPONSE_DATA['/api/workshops/{workshop}/results']!.safeParse(body.data).success).toBe(true);
    const r = body.data.options.find((x: { id: string }) => x.id === o);
    expect(r).toMatchObject({ responses: 1, mean: 5, participants: 1 });
    expect(r.by_role.young_person).toEqual({ responses: 1, mean: 5 });
    expect(r.by_role.parent_carer).toEqual({ responses: 0, mean: null });
    expect(r.by_factor[f]).toEqual({ responses: 1, mean: 5 });
    expect(r.spread).toEqual({ '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 });
    // The comment waits for the facilitator before the room sees it.
    expect(r.comments).toEqual([]);
    const comments = await call('GET', `/api/workshops/${w.code}/comments`, undefined, { 'X-Facilitator-Key': w.facilitator_key });
    expect(comments.body.data).toEqual([expect.objectContaining({ option: o, role: 'young_person', status: 'pending', text: 'More <b>weekend</b> clubs' })]);
    expect((await call('POST', `/api/workshops/${w.code}/comments/${comments.body.data[0].id}`, { status: 'approved' }, { 'X-Facilitator-Key': w.facilitator_key })).status).toBe(200);
    const after = (await results(w.code, w.facilitator_key)).body.data.options.find((x: { id: string }) => x.id === o);
    expect(after.comments.map((c: { text: string }) => c.text)).toEqual(['More <b>weekend</b> clubs']);
    // An empty comment takes it back, even once approved: the room no longer sees it, nor does the facilitator.
    expect((await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [], comments: [{ option: o, text: '  ' }] })).status).toBe(200);
    const gone = (await results(w.code, w.facilitator_key)).body.data.options.find((x: { id: string }) => x.id === o);
    expect(gone.comments).toEqual([]);
    expect((await call('GET', `/api/workshops/${w.code}/comments`, undefined, { 'X-Facilitator-Key': w.facilitator_key })).body.data).toEqual([]);
    expect(gone.by_factor[f]).toEqual({ responses: 1, mean: 5 });
  });

  it('refuses scores on a closed option or workshop with 409', async () => {
    const w = await create();
    const key = await join(w.code);
    const fk = { 'X-Facilitator-Key': w.facilitator_key };
    const [o, f] = [w.options[0]!.id, w.factors[0]!.id];
    expect((await call('POST', `/api/workshops/${w.code}/options/${o}/scoring`, { open: false }, fk)).status).toBe(200);
    expect((await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: o, factor: f, score: 3 }] })).status).toBe(409);
    expect((await call('POST', `/api/workshops/${w.code}/options/${o}/scoring`, { open: true }, fk)).status).toBe(200);
    expect((await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: o, factor: f, score: 3 }] })).status).toBe(200);
    expect((await call('POST', `/api/workshops/${w.code}/close`, undefined, fk)).status).toBe(200);
    expect((await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: o, factor: f, score: 4 }] })).status).toBe(409);
    expect((await call('POST', `/api/workshops/${w.code}/participants`, { role: 'other' })).status).toBe(409);
    expect((await results(w.code, w.facilitator_key)).body.data.options[0].mean).toBe(3);
  });
});

describe('results', () => {
  it('need the facilitator key (403 without it or with a participant key)', async () => {
    const w = await create();
    const key = await join(w.code);
    expect((await call('GET', `/api/workshops/${w.code}/results`)).status).toBe(403);
    expect((await results(w.code, key)).status).toBe(403);
    expect((await results(w.code, w.facilitator_key.slice(0, -1) + 'x')).status).toBe(403);
    expect((await call('GET', `/api/workshops/${w.code}/results.csv`)).status).toBe(403);
  });

  it('come as CSV and XLSX with the same figures as the JSON', async () => {
    const w = await create();
    const [o, f] = [w.options[0]!.id, w.factors[1]!.id];
    for (const [role, score] of [['parent_carer', 4], ['provider', 1]] as const)
      await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: await join(w.code, role), scores: [{ option: o, factor: f, score }] });
    const csv = await fetch(`${served.url}/api/workshops/${w.code}/results.csv`, { headers: { 'X-Facilitator-Key': w.facilitator_key } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await csv.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(w.options.length);
    expect(rows[0]).toMatchObject({ option: o, responses: '2', mean: '2.5', [`mean_${f}`]: '2.5', mean_parent_carer: '4', mean_provider: '1', mean_health: '' });
    const xlsx = await fetch(`${served.url}/api/workshops/${w.code}/results.xlsx`, { headers: { 'X-Facilitator-Key': w.facilitator_key } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Options')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first[header.indexOf('option')]).toBe(o);
    expect(first[header.indexOf('mean')]).toBe(2.5);
  });

  it('answer 304 to a poll while nothing changed, and change their ETag when a score comes in', async () => {
    const w = await create();
    const first = await results(w.code, w.facilitator_key);
    const etag = first.res.headers.get('etag')!;
    expect(first.res.headers.get('cache-control')).toMatch(/private/);
    const again = await fetch(`${served.url}/api/workshops/${w.code}/results`, { headers: { 'X-Facilitator-Key': w.facilitator_key, 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: await join(w.code), scores: [{ option: w.options[0]!.id, factor: 'choice', score: 3 }] });
    const changed = await fetch(`${served.url}/api/workshops/${w.code}/results`, { headers: { 'X-Facilitator-Key': w.facilitator_key, 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    // A poll without the key never gets the figures, whatever the ETag.
    expect((await fetch(`${served.url}/api/workshops/${w.code}/results`, { headers: { 'If-None-Match': etag } })).status).toBe(403);
  });
});

describe('the facilitator', () => {
  it('records a decision with its reason, and edits the options', async () => {
    const w = await create();
    const fk = { 'X-Facilitator-Key': w.facilitator_key };
    const o = w.options[0]!.id;
    expect((await call('PUT', `/api/workshops/${w.code}/options/${o}/decision`, { decision: 'taken_forward', reason: '' }, fk)).body.errors![0]!.field).toBe('reason');
    expect((await call('PUT', `/api/workshops/${w.code}/options/${o}/decision`, { decision: 'taken_forward', reason: 'The room rated it highest' }, fk)).status).toBe(200);
    const r = (await results(w.code, w.facilitator_key)).body.data.options[0];
    expect(r.decision).toMatchObject({ decision: 'taken_forward', reason: 'The room rated it highest' });
    const edited = await call('PUT', `/api/workshops/${w.code}/options`, { drop: [w.options[1]!.id], add: [{ title: 'A youth club on Saturdays' }], order: ['R1'] }, fk);
    expect(edited.status).toBe(200);
    expect(edited.body.data.options[0]).toMatchObject({ id: 'R1', title: 'A youth club on Saturdays', position: 1 });
    expect(edited.body.data.options.map((x: { id: string }) => x.id)).not.toContain(w.options[1]!.id);
    expect((await call('PUT', `/api/workshops/${w.code}/options`, { order: ['nope'] }, fk)).status).toBe(400);
    expect((await call('PUT', `/api/workshops/${w.code}/options`, { order: ['R1'] })).status).toBe(403);
  });

  it('deletes a workshop with everything in it', async () => {
    const w = await create();
    const key = await join(w.code);
    await call('PUT', `/api/workshops/${w.code}/scores`, { participant_key: key, scores: [{ option: w.options[0]!.id, factor: 'choice', score: 3 }], comments: [{ option: w.options[0]!.id, text: 'yes' }] });
    expect((await call('DELETE', `/api/workshops/${w.code}`)).status).toBe(403);
    const del = await call('DELETE', `/api/workshops/${w.code}`, undefined, { 'X-Facilitator-Key': w.facilitator_key });
    expect(del.status).toBe(200);
    expect((await call('GET', `/api/workshops/${w.code}`)).status).toBe(404);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(served.workshopPath, { readonly: true });
    try {
      for (const t of ['workshops', 'workshop_options', 'workshop_participants', 'workshop_score_sheets', 'workshop_comments'])
        expect((db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE ${t === 'workshops' ? 'code' : 'workshop_code'} = ?`).get(w.code) as { n: number }).n, t).toBe(0);
    } finally {
      db.close();
    }
  });
});
