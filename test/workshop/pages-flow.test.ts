// The workshop pages with no JavaScript, over a real Node server and real SQLite: create from a comparison, join with
// a role, score (a changed score counts once), comments hidden until approved, a closed option answers 409, the
// facilitator key is needed for the facilitator's pages and documents, and a hostile comment is escaped everywhere.
import { describe, expect, it } from 'vitest';
import { WORKSHOP_TOKEN, workshopServer } from '../support/workshop-server.js';

const srv = workshopServer();

/** A browser without JavaScript: keeps cookies (by path), follows nothing by itself. */
function browser() {
  const jar = new Map<string, { value: string; path: string }>();
  const cookieFor = (path: string) => [...jar].filter(([, c]) => path === c.path || path.startsWith(`${c.path}/`) || c.path === '/').map(([k, c]) => `${k}=${c.value}`).join('; ');
  const send = async (path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { Accept: 'text/html', ...init.headers };
    const cookie = cookieFor(new URL(path, srv.url).pathname);
    if (cookie) headers.Cookie = cookie;
    if (init.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(srv.url + path, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const [name, value] = pair!.split('=') as [string, string];
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      if (!value || attrs.some((a) => /^max-age=0$/i.test(a))) jar.delete(name);
      else jar.set(name, { value, path });
    }
    return { res, status: res.status, location: res.headers.get('location') ?? '', text: await res.text(), setCookie: res.headers.getSetCookie() };
  };
  return { send, jar };
}

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"';

describe('workshop pages without JavaScript', () => {
  const facilitator = browser();
  let code = '';
  let firstOption = '';
  let secondOption = '';

  it('the compare page leads to a form that creates a workshop with the write token', async () => {
    const compare = await facilitator.send('/compare?council=E10000017');
    const href = /id="run-workshop" href="([^"]+)"/.exec(compare.text)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toMatch(/^\/workshops\/new\?council=E10000017&/);
    const form = await facilitator.send(href!);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Run a workshop for Lancashire');
    const wrong = await facilitator.send('/workshops/new', { form: { council: 'E10000017', group: 'sn2025', theme: 'all', weights: '', title: 'Holidays', token: 'nope' } });
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('There is a problem');
    expect(wrong.text).toContain('value="Holidays"');
    const made = await facilitator.send('/workshops/new', { form: { council: 'E10000017', group: 'sn2025', theme: 'all', weights: '', title: 'Holidays in Lancashire', token: WORKSHOP_TOKEN } });
    expect(made.status).toBe(303);
    code = /^\/w\/([A-Z2-9]{4}-[A-Z2-9]{4})\/facilitate\?created=1$/.exec(made.location)?.[1] ?? '';
    expect(code).not.toBe('');
    const cookie = made.setCookie.find((c) => c.startsWith('sbb_facilitator='))!;
    expect(cookie).toMatch(new RegExp(`Path=/w/${code}`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await facilitator.send(made.location);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`id="join-code">${code}<`);
    expect(page.text).toMatch(/<svg role="img" aria-labelledby="join-qr-title"/);
    const ids = [...page.text.matchAll(/action="\/w\/[^/]+\/facilitate\/options\/([^/"]+)\/scoring"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    [firstOption, secondOption] = ids as [string, string];
  }, 60_000);

  it('finds a workshop by its code typed in any case, with or without the dash; an unknown code is an HTML 404', async () => {
    const p = browser();
    const typed = await p.send(`/w?code=${encodeURIComponent(` ${code.replace('-', '').toLowerCase()} `)}`);
    expect(typed.status).toBe(303);
    expect(typed.location).toBe(`/w/${code}`);
    const lower = await p.send(`/w/${code.toLowerCase()}`);
    expect(lower.status).toBe(301);
    expect(lower.location).toBe(`/w/${code}`);
    const none = await p.send('/w/ZZZZ-ZZZZ');
    expect(none.status).toBe(404);
    expect(none.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(none.res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const form = await p.send('/w?code=nothing');
    expect(form.status).toBe(404);
    expect(form.text).toContain('There is a problem');
    expect(form.text).toContain('value="nothing"');
  });

  it('joins with a role, scores, and a changed score replaces the old one (counted once)', async () => {
    const p = browser();
    const role = await p.send(`/w/${code}`);
    expect(role.text).toContain('Which of these best describes you?');
    const none = await p.send(`/w/${code}/join`, { form: {} });
    expect(none.status).toBe(400);
    expect(none.text).toContain('There is a problem');
    const joined = await p.send(`/w/${code}/join`, { form: { role: 'parent_carer' } });
    expect(joined.status).toBe(303);
    expect(joined.location).toBe(`/w/${code}/options/${encodeURIComponent(firstOption)}`);
    expect(joined.location).not.toMatch(/wp_/);
    // Joining again from the same device (the back button) is the same participant, not a second one.
    const twice = await p.send(`/w/${code}/join`, { form: { role: 'parent_carer' } });
    expect(twice.status).toBe(303);
    expect(twice.location).toBe(`/w/${code}`);
    expect(twice.setCookie).toEqual([]);
    const cookie = joined.setCookie.find((c) => c.startsWith('sbb_participant='))!;
    expect(cookie).toMatch(new RegExp(`Path=/w/${code}(;|$)`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const form = await p.send(joined.location);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<legend>Choice: ');
    expect(form.text).toContain('Makes things worse for families');

    const empty = await p.send(joined.location, { form: { comment: 'kept as typed' } });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('There is a problem');
    expect(empty.text).toContain('kept as typed');

    const first = await p.send(joined.location, { form: { 'f-choice': '4', 'f-equity': '3' } });
    expect(first.status).toBe(303);
    expect(first.location).toBe(`/w/${code}/options/${encodeURIComponent(secondOption)}`);
    const again = await p.send(joined.location, { form: { 'f-choice': '2', 'f-equity': '3' } });
    expect(again.status).toBe(303);
    const shown = await p.send(joined.location);
    expect(shown.text).toMatch(/id="f-choice-2" name="f-choice" value="2" checked/);

    const doc = await facilitator.send(`/w/${code}/you-said-we-did.html`);
    expect(doc.status).toBe(200);
    expect(doc.text).toContain('1 person took part: 1 parent carer.');
    // Two scores (choice 2 and equity 3) from one person: the changed score replaced the first.
    expect(doc.text).toContain('1 person scored it (2 scores in all). Average score: <strong>2.5 out of 5</strong>');
    expect(doc.text).toContain('Nobody scored this option.');
  });

  it('keeps a comment from everyone until the facilitator approves it, and escapes it everywhere', async () => {
    const p = browser();
    await p.send(`/w/${code}/join`, { form: { role: 'young_person' } });
    const sent = await p.send(`/w/${code}/options/${encodeURIComponent(firstOption)}`, { form: { 'f-choice': '5', comment: HOSTILE } });
    expect(sent.status).toBe(303);
    const before = await facilitator.send(`/w/${code}/you-said-we-did.html`);
    expect(before.text).not.toContain('alert');
    const room = await facilitator.send(`/w/${code}/facilitate/room`);
    expect(room.status).toBe(200);
    expect(room.text).not.toContain('alert');
    const page = await facilitator.send(`/w/${code}/facilitate`);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const id = /action="\/w\/[^/]+\/facilitate\/comments\/([^"]+)"/.exec(page.text)?.[1];
    expect(id).toBeDefined();
    const approved = await facilitator.send(`/w/${code}/facilitate/comments/${id}`, { form: { status: 'approved' } });
    expect(approved.status).toBe(303);
    for (const path of [`/w/${code}/you-said-we-did.html`, `/w/${code}/you-said-we-did-easy-read.html`, `/w/${code}/facilitate/room`]) {
      const doc = await facilitator.send(path);
      expect(doc.status).toBe(200);
      expect(doc.text, path).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
      expect(doc.text, path).not.toContain('<script>alert');
      expect(doc.res.headers.get('content-security-policy'), path).toMatch(/script-src 'self'/);
    }
    const pdf = await fetch(`${srv.url}/w/${code}/you-said-we-did-easy-read.pdf`, { headers: { Cookie: `sbb_facilitator=${facilitator.jar.get('sbb_facilitator')!.value}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Emptying the comment box takes the comment back: the documents no longer show it.
    const emptied = await p.send(`/w/${code}/options/${encodeURIComponent(firstOption)}`, { form: { 'f-choice': '5', comment: '' } });
    expect(emptied.status).toBe(303);
    expect((await facilitator.send(`/w/${code}/you-said-we-did.html`)).text).not.toContain('&lt;script&gt;alert');
  }, 60_000);

  it('answers a closed option with a 409 page that says so, and keeps the form for the open ones', async () => {
    const closed = await facilitator.send(`/w/${code}/facilitate/options/${encodeURIComponent(secondOption)}/scoring`, { form: { open: '0' } });
    expect(closed.status).toBe(303);
    const p = browser();
    await p.send(`/w/${code}/join`, { form: { role: 'provider' } });
    const get = await p.send(`/w/${code}/options/${encodeURIComponent(secondOption)}`);
    expect(get.status).toBe(409);
    expect(get.text).toContain('is closed');
    const post = await p.send(`/w/${code}/options/${encodeURIComponent(secondOption)}`, { form: { 'f-choice': '1' } });
    expect(post.status).toBe(409);
    expect(post.text).toContain('The facilitator has closed scoring on this option');
    const list = await p.send(`/w/${code}`);
    expect(list.text).toContain('Scoring closed');
  });

  it('needs the facilitator key for the facilitator page, its actions and the documents', async () => {
    const stranger = browser();
    for (const path of ['/facilitate', '/facilitate/room', '/facilitate/live', '/you-said-we-did.html', '/you-said-we-did-easy-read.html', '/facilitate/delete']) {
      const r = await stranger.send(`/w/${code}${path}`);
      expect(r.status, path).toBe(403);
      expect(r.text, path).toContain('Facilitator key');
      expect(r.text, path).not.toContain('Live totals');
    }
    const act = await stranger.send(`/w/${code}/facilitate/close`, { form: {} });
    expect(act.status).toBe(403);
    const wrong = await stranger.send(`/w/${code}/facilitate?key=wf_wrong`);
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('That facilitator key does not open this workshop.');
    // The real key, once in the address: kept in the cookie and dropped from the address.
    const key = facilitator.jar.get('sbb_facilitator')!.value;
    const once = await stranger.send(`/w/${code}/facilitate?key=${encodeURIComponent(key)}`);
    expect(once.status).toBe(303);
    expect(once.location).toBe(`/w/${code}/facilitate`);
    expect((await stranger.send(once.location)).text).toContain('Live totals');
  });

  it('keeps the totals live: an ETag that answers 304 until something changes, and server-sent events', async () => {
    const first = await facilitator.send(`/w/${code}/facilitate/live`);
    expect(first.status).toBe(200);
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect((await facilitator.send(`/w/${code}/facilitate/live`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const p = browser();
    await p.send(`/w/${code}/join`, { form: { role: 'health' } });
    const changed = await facilitator.send(`/w/${code}/facilitate/live`, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain('Health 1');

    const ac = new AbortController();
    const res = await fetch(`${srv.url}/w/${code}/facilitate/events`, { headers: { Cookie: `sbb_facilitator=${facilitator.jar.get('sbb_facilitator')!.value}` }, signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/event: version\ndata: [A-Z2-9]+-\d+/);
    // A server that stops ends the open streams at once rather than waiting for them.
    const started = Date.now();
    await srv.restart();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await reader.read()).done).toBe(true);
    ac.abort();
  }, 60_000);

  it('takes a decision with its reason (a missing reason shows the form again), closes and deletes with a confirmation', async () => {
    const noReason = await facilitator.send(`/w/${code}/facilitate/options/${encodeURIComponent(firstOption)}/decision`, { form: { decision: 'taken_forward', reason: '' } });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('There is a problem');
    expect(noReason.text).toMatch(/id="decision-1-taken_forward" name="decision" value="taken_forward" checked/);
    const ok = await facilitator.send(`/w/${code}/facilitate/options/${encodeURIComponent(firstOption)}/decision`, { form: { decision: 'taken_forward', reason: 'Families asked for more holiday places.' } });
    expect(ok.status).toBe(303);
    const doc = await facilitator.send(`/w/${code}/you-said-we-did.html`);
    expect(doc.text).toContain('Taken forward');
    expect(doc.text).toContain('Why: Families asked for more holiday places.');
    // The room's own option: added at the end, moved up one, then dropped.
    const noTitle = await facilitator.send(`/w/${code}/facilitate/options`, { form: { title: '', summary: 'kept' } });
    expect(noTitle.status).toBe(400);
    expect(noTitle.text).toContain('Enter a title for the new option.');
    expect(noTitle.text).toContain('>kept</textarea>');
    expect((await facilitator.send(`/w/${code}/facilitate/options`, { form: { title: 'Our own idea <i>', summary: '' } })).status).toBe(303);
    const titles = async () => [...(await facilitator.send(`/w/${code}/facilitate`)).text.matchAll(/<li class="card" id="option-\d+"><h3>\d+\. (.*?)<\/h3>/g)].map((m) => m[1]!);
    const before = await titles();
    expect(before.at(-1)).toBe('Our own idea &lt;i&gt;');
    const added = /action="\/w\/[^/]+\/facilitate\/options\/([^/"]+)\/drop"/g;
    const ids = [...(await facilitator.send(`/w/${code}/facilitate`)).text.matchAll(added)].map((m) => m[1]!);
    expect((await facilitator.send(`/w/${code}/facilitate/options/${ids.at(-1)}/move`, { form: { to: 'up' } })).status).toBe(303);
    const moved = await titles();
    expect(moved.at(-2)).toBe('Our own idea &lt;i&gt;');
    expect((await facilitator.send(`/w/${code}/facilitate/options/${ids.at(-1)}/drop`, { form: {} })).status).toBe(303);
    expect(await titles()).toEqual(before.slice(0, -1));
    expect((await facilitator.send(`/w/${code}/facilitate/close`, { form: {} })).status).toBe(303);
    const p = browser();
    expect((await p.send(`/w/${code}/join`, { form: { role: 'other' } })).status).toBe(409);
    const confirm = await facilitator.send(`/w/${code}/facilitate/delete`);
    expect(confirm.text).toContain('Yes, delete it');
    const gone = await facilitator.send(`/w/${code}/facilitate/delete`, { form: { confirm: 'yes' } });
    expect(gone.status).toBe(200);
    expect(gone.text).toContain('Workshop deleted');
    expect((await p.send(`/w/${code}`)).status).toBe(404);
  });
});
