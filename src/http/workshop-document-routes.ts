// "You said, we did" for a workshop, with the facilitator key: the document as a web page, as a PDF (printed by the
// pack's Chromium where the runtime has one: the Node server) and in easy read. Scores and approved comments only.
import { AppError } from '../domain/errors.js';
import { renderYouSaid } from '../pack/you-said.js';
import { renderYouSaidEasy } from '../pack/you-said-easy.js';
import { getWorkshop, workshopResults } from '../services/workshops.js';
import { cspForInlineStyles, htmlHeaders } from './page-html.js';
import { workshopsOf, type Ctx, type WorkshopPageGroup } from './workshop-route-group.js';

type KeyCheck = (c: Ctx) => Promise<{ code: string; key: string } | Response>;

async function documentFor(c: Ctx, code: string, key: string, easy: boolean) {
  const ws = workshopsOf(c);
  const r = await workshopResults(ws, code, key, { include_pending_comments: false });
  const w = await getWorkshop(ws, code);
  return { w, html: easy ? renderYouSaidEasy(w, r) : renderYouSaid(w, r) };
}

export function registerDocumentRoutes(r: WorkshopPageGroup, auth: KeyCheck) {
  for (const easy of [false, true]) {
    const name = easy ? 'you-said-we-did-easy-read' : 'you-said-we-did';
    const what = easy ? '"You said, we did" in easy read' : '"You said, we did": per option what the room said by role and the decision with its reason';
    r.get({ path: `/w/{code}/${name}.html`, summary: `${what}, as a web page (facilitator key)` }, async (c) => {
      const a = await auth(c);
      if (a instanceof Response) return a;
      const { html } = await documentFor(c, a.code, a.key, easy);
      htmlHeaders(c, await cspForInlineStyles(html));
      c.header('Cache-Control', 'no-store');
      c.header('Content-Disposition', `inline; filename="${name}-${a.code}.html"`);
      return c.html(html);
    });
    r.get({ path: `/w/{code}/${name}.pdf`, summary: `${what}, as a PDF (facilitator key; Node only)` }, async (c) => {
      const a = await auth(c);
      if (a instanceof Response) return a;
      const printer = c.get('runtime').packs?.printHtml;
      if (!printer) throw new AppError('unsupported', 'PDFs are printed where the service runs on Node (sbb serve); download the web page and print it instead.');
      const { w, html } = await documentFor(c, a.code, a.key, easy);
      const pdf = await printer(html, { footer: `You said, we did: ${w.title}`, date: new Date() });
      c.header('Content-Type', 'application/pdf');
      c.header('Cache-Control', 'no-store');
      c.header('Content-Disposition', `attachment; filename="${name}-${a.code}.pdf"`);
      return c.body(pdf as Uint8Array<ArrayBuffer>);
    });
  }
}
