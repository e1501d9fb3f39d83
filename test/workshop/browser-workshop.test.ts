// Workshop mode done-when, in a real Chromium against a real Node server and SQLite: a facilitator creates a workshop
// from the compare page, three participants in their own browser contexts (one with JavaScript off, one on the
// easy-read way at 320 px) join by code and score, the facilitator's totals follow live (server-sent events), a
// comment is approved, decisions are taken, and "you said, we did" is downloaded as HTML and PDF. axe-core finds
// nothing on any workshop page, on screen, at 320 px and in easy read, and nothing is blocked by the policy.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { launchChromium } from '../../src/pack/render/pdf-chromium.js';
import { axeViolations } from '../support/axe.js';
import { WORKSHOP_TOKEN, workshopServer } from '../support/workshop-server.js';

const OUT = join(PROJECT_ROOT, 'test', 'out', 'workshop');
const srv = workshopServer();
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Collects script errors and anything the Content-Security-Policy blocked. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

const checked: string[] = [];
/** axe finds nothing, and the page does not scroll sideways at its width; a screenshot is kept. */
async function check(page: Page, name: string) {
  const width = page.viewportSize()!.width;
  expect(await axeViolations(page), `${name} (${page.url()})`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(width);
  await page.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: true });
  checked.push(`${name}@${width}`);
}

async function newPerson(width: number, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true, ...options });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page, problems: watch(page) };
}

describe('a workshop in Chromium, from the compare page to "you said, we did"', () => {
  it('runs end to end with a facilitator and three participants', async () => {
    // The facilitator: the compare page's button, the form with the write token, the facilitator's page.
    const f = await newPerson(1280);
    await f.page.goto(`${srv.url}/compare?council=E10000017`);
    await Promise.all([f.page.waitForURL(/\/workshops\/new\?/), f.page.click('#run-workshop')]);
    await check(f.page, 'create');
    await f.page.fill('#title', 'Holidays in Lancashire');
    await f.page.fill('#token', 'not the token');
    await f.page.click('form.ws button[type=submit]');
    expect(await f.page.textContent('.error-summary')).toContain('That is not the write token');
    await check(f.page, 'create-problem');
    await f.page.fill('#token', WORKSHOP_TOKEN);
    await Promise.all([f.page.waitForURL(/\/facilitate$|\/facilitate\?created=1$/), f.page.click('form.ws button[type=submit]')]);
    const code = (await f.page.textContent('#join-code'))!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await f.page.textContent('.notice')).toMatch(/Your facilitator key is wf_/);
    expect(await f.page.getAttribute('svg.qr', 'role')).toBe('img');
    await check(f.page, 'facilitate');
    await expect.poll(() => f.page.textContent('#live-status'), { timeout: 10_000 }).toContain('Totals update as scores arrive');

    // A parent carer on a phone with JavaScript: types the code in small letters without the dash.
    const a = await newPerson(375);
    await a.page.goto(`${srv.url}/w`);
    await check(a.page, 'join-code');
    await a.page.fill('#code', 'nope');
    await a.page.click('form.ws button[type=submit]');
    expect(await a.page.textContent('.error-summary')).toContain('No workshop has the code NOPE');
    await check(a.page, 'join-code-problem');
    await a.page.fill('#code', code.replace('-', '').toLowerCase());
    await Promise.all([a.page.waitForURL(`${srv.url}/w/${code}`), a.page.click('form.ws button[type=submit]')]);
    await check(a.page, 'role');
    await a.page.check('#role-parent_carer');
    await Promise.all([a.page.waitForURL(/\/options\//), a.page.click('form.ws button[type=submit]')]);
    await check(a.page, 'score');
    await a.page.click('form.score button[type=submit]');
    expect(await a.page.textContent('.error-summary')).toContain('Choose a score for at least one question');
    await check(a.page, 'score-problem');
    const firstOption = a.page.url();
    await a.page.check('#f-choice-4');
    await a.page.check('#f-equity-3');
    await a.page.fill('#comment', 'More holiday places, please <b>soon</b>');
    await Promise.all([a.page.waitForURL((u) => u.href !== firstOption), a.page.click('form.score button[type=submit]')]);
    // The facilitator's totals follow without a reload.
    await expect.poll(() => f.page.textContent('#participants'), { timeout: 15_000 }).toMatch(/1\s+person has\s+joined: Parent carer 1/);

    // A young person on the easy-read way at 320 px.
    const y = await newPerson(320);
    await y.page.goto(`${srv.url}/w/${code}`);
    await Promise.all([y.page.waitForURL(/\?easy=1$/), y.page.click('#easy-link')]);
    await check(y.page, 'easy-start');
    await Promise.all([y.page.waitForURL(/\/easy\//), y.page.click('form button[type=submit]')]);
    await check(y.page, 'easy-score');
    await y.page.check('#f-choice-5');
    await y.page.check('#f-suitability-4');
    await y.page.fill('#comment', 'I want to go swimming');
    await Promise.all([y.page.waitForURL((u) => /\/easy\//.test(u.pathname) && u.href !== firstOption), y.page.click('form.score button[type=submit]')]);
    await y.page.goto(`${srv.url}/w/${code}/easy`);
    await check(y.page, 'easy-options');

    // A provider with JavaScript off: plain forms all the way.
    const p = await newPerson(320, { javaScriptEnabled: false });
    await p.page.goto(`${srv.url}/w/${code}`);
    await p.page.check('#role-provider');
    await Promise.all([p.page.waitForURL(/\/options\//), p.page.click('form.ws button[type=submit]')]);
    await p.page.check('#f-choice-1');
    const here = p.page.url();
    await Promise.all([p.page.waitForURL((u) => u.href !== here), p.page.click('form.score button[type=submit]')]);
    // Changing a score replaces it.
    await p.page.goto(firstOption);
    expect(await p.page.isChecked('#f-choice-1')).toBe(true);
    await p.page.check('#f-choice-2');
    await p.page.click('form.score button[type=submit]');
    await p.page.goto(`${srv.url}/w/${code}`);
    expect(await p.page.textContent('main')).toContain('You have scored 1 of');
    // axe runs as a script, so the list is checked in the parent carer's browser (JavaScript on).
    await a.page.goto(`${srv.url}/w/${code}`);
    await check(a.page, 'options');
    await expect.poll(() => f.page.textContent('#participants'), { timeout: 15_000 }).toMatch(/3\s+people have\s+joined/);

    // The facilitator approves the parent carer's comment, closes scoring on option 2 and decides option 1.
    await f.page.reload();
    const pending = f.page.locator('#pending-comments li', { hasText: 'More holiday places' });
    expect(await pending.textContent()).toContain('<b>soon</b>');
    await Promise.all([f.page.waitForURL(/#comments$/), pending.locator('button', { hasText: 'Approve' }).click()]);
    await Promise.all([f.page.waitForURL(/#options$/), f.page.click('#option-2 form[action$="/scoring"] button')]);
    await f.page.check('#decision-1-taken_forward');
    await Promise.all([f.page.waitForURL(/\/decision$/), f.page.click('#option-1 form.ws button[type=submit]')]);
    expect(await f.page.textContent('.error-summary')).toContain('Say why, for option 1');
    expect(await f.page.isChecked('#decision-1-taken_forward')).toBe(true);
    await check(f.page, 'facilitate-problem');
    await f.page.fill('#reason-1', 'Families asked for more holiday places.');
    await Promise.all([f.page.waitForURL(/#option-1$/), f.page.click('#option-1 form.ws button[type=submit]')]);
    expect(await f.page.textContent('#option-1')).toContain('Decision: Taken forward');
    await check(f.page, 'facilitate-after');

    // The page for the big screen: approved comments, never the waiting ones.
    await f.page.goto(`${srv.url}/w/${code}/facilitate/room`);
    expect(await f.page.textContent('#approved-comments')).toContain('More holiday places, please <b>soon</b>');
    expect(await f.page.textContent('main')).not.toContain('I want to go swimming');
    await check(f.page, 'room');

    // A closed option says so plainly.
    await p.page.goto(`${srv.url}/w/${code}`);
    const closedLink = await p.page.locator('.option-list li').nth(1).textContent();
    expect(closedLink).toContain('Scoring closed');
    const second = await p.page.goto(`${srv.url}/w/${code}`);
    expect(second?.status()).toBe(200);

    // "You said, we did": the web page, the easy read at 320 px, and the PDF downloaded.
    await f.page.goto(`${srv.url}/w/${code}/you-said-we-did.html`);
    expect(await f.page.textContent('main')).toContain('Why: Families asked for more holiday places.');
    expect(await f.page.textContent('main')).toContain('More holiday places, please <b>soon</b>');
    expect(await f.page.textContent('main')).not.toContain('I want to go swimming'); // never approved
    await check(f.page, 'you-said');
    const easy = await newPerson(320);
    await easy.context.addCookies((await f.context.cookies()).filter((c) => c.name === 'sbb_facilitator'));
    await easy.page.goto(`${srv.url}/w/${code}/you-said-we-did-easy-read.html`);
    expect(await easy.page.textContent('main')).toContain('We will do this.');
    await check(easy.page, 'you-said-easy');
    await f.page.goto(`${srv.url}/w/${code}/facilitate`);
    const [download] = await Promise.all([f.page.waitForEvent('download', { timeout: 60_000 }), f.page.click('a[href$="/you-said-we-did.pdf"]')]);
    expect(download.suggestedFilename()).toBe(`you-said-we-did-${code}.pdf`);
    const saved = join(OUT, 'you-said-we-did.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Deleting asks first.
    await f.page.click('a[href$="/facilitate/delete"]');
    await check(f.page, 'delete-confirm');
    const key = await newPerson(375);
    await key.page.goto(`${srv.url}/w/${code}/facilitate`);
    await check(key.page, 'facilitator-key');
    await key.page.goto(`${srv.url}/w/ZZZZ-ZZZZ`);
    await check(key.page, 'not-found');

    for (const person of [f, a, y, p, easy, key]) expect(person.problems.filter((m) => !/404|403|400/.test(m))).toEqual([]);
    for (const person of [f, a, y, p, easy, key]) await person.context.close();
    expect(checked.length).toBeGreaterThanOrEqual(18);
  }, 240_000);

  it('keeps the totals live by polling with the ETag where server-sent events are not available', async () => {
    const created = await fetch(`${srv.url}/api/workshops`, { method: 'POST', headers: { Authorization: `Bearer ${WORKSHOP_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ council: 'E10000017', title: 'Polling' }) });
    const { code, facilitator_key } = ((await created.json()) as { data: { code: string; facilitator_key: string } }).data;
    const f = await newPerson(1280);
    // As on the Worker: a browser (or a server) without EventSource, so the script asks every few seconds.
    await f.context.addInitScript('delete window.EventSource;');
    const polls: number[] = [];
    f.page.on('response', (r) => {
      if (r.url().endsWith('/facilitate/live')) polls.push(r.status());
    });
    await f.page.goto(`${srv.url}/w/${code}/facilitate?key=${encodeURIComponent(facilitator_key)}`);
    expect(new URL(f.page.url()).search).toBe('');
    await expect.poll(() => f.page.textContent('#live-status')).toContain('every few seconds');
    await expect.poll(() => polls.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(polls).toContain(304);
    const joined = await fetch(`${srv.url}/api/workshops/${code}/participants`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'health' }) });
    expect(joined.status).toBe(201);
    await expect.poll(() => f.page.textContent('#participants'), { timeout: 15_000 }).toMatch(/1\s+person has\s+joined: Health 1/);
    expect(polls).toContain(200);
    // A screen reader hears the change as one polite summary line, not the whole table.
    expect(await f.page.getAttribute('#live-summary', 'aria-live')).toBe('polite');
    await expect.poll(() => f.page.textContent('#live-summary'), { timeout: 15_000 }).toMatch(/^At [\d:]+: 1 person has joined; no scores yet\.$/);
    expect(f.problems).toEqual([]);
    await f.context.close();
  }, 60_000);
});
