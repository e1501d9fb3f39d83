/** @jsxImportSource hono/jsx */
// The participant's routes: /w (type a code), /w/CODE (choose a role, then the options), one option's form and its
// easy-read screen. Forms post and redirect (POST-redirect-GET); the participant key lives in a cookie scoped to
// /w/CODE. A closed workshop or option answers 409 with a page that says so; a problem shows the form again.
import type { Problem } from '../domain/errors.js';
import { AppError } from '../domain/errors.js';
import { WORKSHOP_ROLES, type Role, type Workshop, type WorkshopOption } from '../domain/workshop.js';
import { joinWorkshop, participantView, submitScores } from '../services/workshops.js';
import { pageQuery } from './page-html.js';
import { WORKSHOP_CSS, WORKSHOP_LIVE_JS } from './workshop-assets.js';
import { registerCreateRoutes } from './workshop-create-routes.js';
import { EasyScorePage, EasyStartPage } from './workshop-easy-page.js';
import { registerFacilitatorRoutes } from './workshop-facilitate-routes.js';
import { JoinCodePage, OptionsPage, RolePage, ScorePage, type ScoreValues } from './workshop-join-page.js';
import { WorkshopProblemPage } from './workshop-layout-page.js';
import { limitAddress } from './workshop-context.js';
import { codeParam, createWorkshopPageGroup, workshopByCode, formOf, forgetKey, keepKey, keyOf, page, PARTICIPANT_COOKIE, workshopErrorPage, workshopsOf, type Ctx } from './workshop-route-group.js';

export const workshopPageRoutes = createWorkshopPageGroup();
const r = workshopPageRoutes;
r.app.onError(workshopErrorPage);

const asset = (body: string, type: string) => (c: Ctx) => {
  c.header('Content-Type', type);
  c.header('Cache-Control', 'public, max-age=3600');
  return c.body(body);
};
r.get({ path: '/static/workshop.css', summary: "The workshop pages' style sheet" }, asset(WORKSHOP_CSS, 'text/css; charset=utf-8'));
r.get({ path: '/static/workshop-live.js', summary: "The facilitator page's live totals script (the page reads without it)" }, asset(WORKSHOP_LIVE_JS, 'text/javascript; charset=utf-8'));

/** The workshop the path names, by its code in any case; a code in another form redirects to the canonical address. */
async function workshopFor(c: Ctx): Promise<{ w: Workshop; redirect?: Response }> {
  const raw = c.req.param('code') ?? '';
  const w = await workshopByCode(c, codeParam(c));
  if (raw !== w.code) {
    const url = new URL(c.req.url);
    url.pathname = url.pathname.replace(`/w/${raw}`, `/w/${w.code}`);
    return { w, redirect: c.redirect(url.pathname + url.search, 301) };
  }
  return { w };
}

/** The participant's own view, or undefined when this device has not joined (or its key no longer works). */
async function viewFor(c: Ctx, w: Workshop) {
  const key = keyOf(c, PARTICIPANT_COOKIE);
  if (!key) return undefined;
  try {
    return { key, view: await participantView(workshopsOf(c), w.code, key) };
  } catch (e) {
    if (e instanceof AppError && (e.kind === 'forbidden' || e.kind === 'invalid' || e.kind === 'unauthorized')) {
      forgetKey(c, PARTICIPANT_COOKIE, w.code);
      return undefined;
    }
    throw e;
  }
}

const closedPage = (c: Ctx, w: Workshop, o?: WorkshopOption) =>
  page(
    c,
    <WorkshopProblemPage
      title={o && w.status === 'open' ? `Scoring on "${o.title}" is closed` : 'This workshop is closed'}
      message={o && w.status === 'open' ? 'The facilitator has closed scoring on this option. Your scores so far are kept. You can still score the options that are open.' : 'Scoring has ended for this workshop. Thank you for taking part: your scores are kept.'}
      back={{ href: `/w/${w.code}`, text: 'See all the options' }}
    />,
    409,
  );

r.get({ path: '/w', summary: 'Join a workshop: type its code (?code=, any case, with or without the dash)' }, async (c) => {
  const { code } = pageQuery(c, ['code']);
  if (code === undefined) return page(c, <JoinCodePage />);
  const text = code.replace(/\s+/g, '').toUpperCase().slice(0, 40);
  if (!text) return page(c, <JoinCodePage value={code} problems={[{ field: 'code', message: 'Enter the workshop code.' }]} />, 400);
  try {
    const w = await workshopByCode(c, text);
    return c.redirect(`/w/${w.code}`, 303);
  } catch (e) {
    if (e instanceof AppError && (e.kind === 'not_found' || e.kind === 'invalid')) return page(c, <JoinCodePage value={code.slice(0, 40)} problems={[{ field: 'code', message: `No workshop has the code ${text}. Check the code with the facilitator.` }]} />, 404);
    throw e;
  }
});

r.get({ path: '/w/{code}', summary: 'A workshop for a participant: choose a role (or ?easy=1 for easy read), then the options with what you have scored' }, async (c) => {
  const q = pageQuery(c, ['easy', 'saved']);
  const { w, redirect } = await workshopFor(c);
  if (redirect) return redirect;
  const mine = await viewFor(c, w);
  if (!mine) return page(c, q.easy ? <EasyStartPage w={w} /> : <RolePage w={w} />);
  return page(c, <OptionsPage w={w} view={mine.view} saved={q.saved === undefined ? undefined : 'Your scores are saved. You can change them while scoring is open.'} />);
});

r.get({ path: '/w/{code}/easy', summary: 'The easy-read way through: start as a young person, then the ideas' }, async (c) => {
  const q = pageQuery(c, ['saved']);
  const { w, redirect } = await workshopFor(c);
  if (redirect) return redirect;
  const mine = await viewFor(c, w);
  if (!mine) return page(c, <EasyStartPage w={w} />);
  return page(c, <OptionsPage w={w} view={mine.view} easy saved={q.saved === undefined ? undefined : 'Thank you! You have seen every idea.'} />);
});

r.post({ path: '/w/{code}/join', summary: 'Join with a role (role=, easy=1): keeps the participant key in a cookie for this workshop' }, async (c) => {
  const { w } = await workshopFor(c);
  const form = await formOf(c);
  const role = form('role');
  if (!(WORKSHOP_ROLES as readonly string[]).includes(role)) return page(c, <RolePage w={w} problems={[{ field: 'role', message: 'Choose which of these best describes you.' }]} />, 400);
  if (w.status !== 'open') return closedPage(c, w);
  // Joined already on this device (the back button, a second press): the same participant, never a second one.
  if (await viewFor(c, w)) return c.redirect(form('easy') === '1' ? `/w/${w.code}/easy` : `/w/${w.code}`, 303);
  limitAddress(c, 'join_per_address', 'joins from this address');
  const { participant_key } = await joinWorkshop(workshopsOf(c), w.code, role as Role);
  keepKey(c, PARTICIPANT_COOKIE, w.code, participant_key);
  const first = w.options.find((o) => o.scoring_open);
  if (form('easy') === '1') return c.redirect(first ? `/w/${w.code}/easy/${encodeURIComponent(first.id)}` : `/w/${w.code}/easy`, 303);
  return c.redirect(first ? `/w/${w.code}/options/${encodeURIComponent(first.id)}` : `/w/${w.code}`, 303);
});

/** The option the path names, or a 404 page. */
function optionOf(c: Ctx, w: Workshop): WorkshopOption {
  const id = c.req.param('option') ?? '';
  const o = w.options.find((x) => x.id === id);
  if (!o) throw new AppError('not_found', `Workshop ${w.code} has no option "${id.slice(0, 60)}".`);
  return o;
}

async function showOption(c: Ctx, easy: boolean) {
  pageQuery(c, []);
  const { w, redirect } = await workshopFor(c);
  if (redirect) return redirect;
  const o = optionOf(c, w);
  const mine = await viewFor(c, w);
  if (!mine) return c.redirect(easy ? `/w/${w.code}/easy` : `/w/${w.code}`, 303);
  if (w.status !== 'open' || !o.scoring_open) return closedPage(c, w, o);
  const values: ScoreValues = { scores: {}, comment: mine.view.comments.find((x) => x.option === o.id)?.text ?? '' };
  for (const s of mine.view.scores) if (s.option === o.id) values.scores[s.factor] = s.score;
  return page(c, easy ? <EasyScorePage w={w} option={o} values={values} /> : <ScorePage w={w} option={o} values={values} />);
}

async function saveOption(c: Ctx, easy: boolean) {
  const { w } = await workshopFor(c);
  const o = optionOf(c, w);
  const mine = await viewFor(c, w);
  if (!mine) return c.redirect(easy ? `/w/${w.code}/easy` : `/w/${w.code}`, 303);
  if (w.status !== 'open' || !o.scoring_open) return closedPage(c, w, o);
  const form = await formOf(c);
  const values: ScoreValues = { scores: {}, comment: form('comment') };
  const problems: Problem[] = [];
  for (const f of w.factors) {
    const v = form(`f-${f.id}`);
    if (v === '') continue;
    if (/^[0-5]$/.test(v)) values.scores[f.id] = Number(v);
    else problems.push({ field: `f-${f.id}`, message: `Choose a score from 0 to 5 for ${f.title}.` });
  }
  if (values.comment.length > 1000) problems.push({ field: 'comment', message: `The comment is ${values.comment.length} characters long: write at most 1,000.` });
  const scores = Object.entries(values.scores).map(([factor, score]) => ({ option: o.id, factor, score: score! }));
  if (!easy && !scores.length && !problems.length) problems.push({ field: 'scores', message: 'Choose a score for at least one question.' });
  if (problems.length) return page(c, easy ? <EasyScorePage w={w} option={o} values={values} problems={problems} /> : <ScorePage w={w} option={o} values={values} problems={problems} />, 400);
  // An emptied comment box takes the earlier comment back.
  const hadComment = mine.view.comments.some((x) => x.option === o.id);
  if (scores.length || values.comment || hadComment) await submitScores(workshopsOf(c), w.code, mine.key, { scores, comments: values.comment || hadComment ? [{ option: o.id, text: values.comment }] : [] });
  const i = w.options.findIndex((x) => x.id === o.id);
  const next = w.options.slice(i + 1).find((x) => x.scoring_open);
  const base = easy ? `/w/${w.code}/easy` : `/w/${w.code}/options`;
  if (next) return c.redirect(`${base}/${encodeURIComponent(next.id)}`, 303);
  return c.redirect(`${easy ? `/w/${w.code}/easy` : `/w/${w.code}`}?saved=1`, 303);
}

r.get({ path: '/w/{code}/options/{option}', summary: "One option's scoring form: each factor on the anchored 0-5 scale, an optional comment" }, (c) => showOption(c, false));
r.post({ path: '/w/{code}/options/{option}', summary: "Save one option's scores and comment (a changed score replaces the old one), then the next option" }, (c) => saveOption(c, false));
r.get({ path: '/w/{code}/easy/{option}', summary: 'One idea in easy read: its picture, short questions, faces and words for 0-5' }, (c) => showOption(c, true));
r.post({ path: '/w/{code}/easy/{option}', summary: 'Save one idea in easy read, then the next idea' }, (c) => saveOption(c, true));

registerFacilitatorRoutes(r);
registerCreateRoutes(r);
