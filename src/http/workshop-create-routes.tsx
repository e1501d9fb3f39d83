/** @jsxImportSource hono/jsx */
// Run a workshop from a comparison: GET /workshops/new (from the compare page's button) shows what it will be made
// from and asks for a title and the write token; POST /workshops/new makes it, keeps the facilitator key in a cookie
// for the new workshop and goes to its facilitator page, where the key is shown once.
import { AppError } from '../domain/errors.js';
import { displayCode } from '../domain/workshop.js';
import { createWorkshop } from '../services/workshops.js';
import { pageQuery } from './page-html.js';
import { CreateWorkshopPage, type CreateValues } from './workshop-create-page.js';
import { limitAddress, workshopRuntimeOf } from './workshop-context.js';
import { FACILITATOR_COOKIE, formOf, keepKey, page, workshopsOf, type Ctx, type WorkshopPageGroup } from './workshop-route-group.js';
import { sameToken } from './write-input.js';

async function valuesOf(c: Ctx, v: Omit<CreateValues, 'council_name'>): Promise<CreateValues> {
  const hit = (await c.get('store').councilLookup()).find(v.council.slice(0, 100));
  if (!hit) throw new AppError('not_found', `No council is called "${v.council.slice(0, 100)}".`, { field: 'council' });
  return { ...v, council: hit.code, council_name: hit.name };
}

const tokenOf = (c: Ctx) => workshopRuntimeOf(c).token(c.env as object);

export function registerCreateRoutes(r: WorkshopPageGroup) {
  r.get({ path: '/workshops/new', summary: 'Run a workshop from a comparison (?council=&group=&theme=&weights=): a title and the write token, or the command to use' }, async (c) => {
    const q = pageQuery(c, ['council', 'group', 'theme', 'weights']);
    if (!q.council) throw new AppError('invalid', 'Choose a council to compare first, then run a workshop from the comparison.', { field: 'council' });
    const v = await valuesOf(c, { council: q.council, group: q.group ?? 'sn2025', theme: q.theme ?? 'all', weights: q.weights ?? '', title: '' });
    return page(c, <CreateWorkshopPage v={{ ...v, title: `Short breaks in ${v.council_name}: what should change` }} writes={Boolean(tokenOf(c))} />);
  });

  r.post({ path: '/workshops/new', summary: 'Create the workshop (council, group, theme, weights, title, token), then its facilitator page' }, async (c) => {
    const form = await formOf(c);
    const v = await valuesOf(c, { council: form('council'), group: form('group'), theme: form('theme'), weights: form('weights'), title: form('title') });
    const expected = tokenOf(c);
    if (!expected) return page(c, <CreateWorkshopPage v={v} writes={false} />, 403);
    const problems = [];
    if (!v.title) problems.push({ field: 'title', message: 'Enter a title for the workshop.' });
    else if (v.title.length > 200) problems.push({ field: 'title', message: 'Write a title of at most 200 characters.' });
    if (!form('token')) problems.push({ field: 'token', message: 'Enter the write token.' });
    else if (!sameToken(form('token'), expected)) {
      limitAddress(c, 'guess_per_address', 'wrong tokens from this address');
      problems.push({ field: 'token', message: 'That is not the write token of this server.' });
    }
    if (problems.length) return page(c, <CreateWorkshopPage v={v} writes problems={problems} />, problems.some((p) => p.field === 'token') ? 403 : 400);
    const made = await createWorkshop(workshopsOf(c), c.get('store'), { council: v.council, group: v.group || undefined, theme: v.theme || undefined, weights: v.weights || undefined, title: v.title });
    const code = displayCode(made.workshop.code);
    keepKey(c, FACILITATOR_COOKIE, code, made.facilitator_key);
    return c.redirect(`/w/${code}/facilitate?created=1`, 303);
  });
}
