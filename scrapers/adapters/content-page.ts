// A platform's information page (Synergy's Local_Offer/*.aspx, a mylocaloffer page) read by the statement extraction:
// the platform adapter finds the content region and its links; what the text says is read in one place, statement-extract.
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { CuratedRecord, Platform } from '../../src/domain/index.js';
import type { PageInput, PageOutput } from './adapter.js';
import { parseStatementPage } from './statement.js';
import { collapseSpace } from '../../src/text/clean-text.js';
import { webUrlOf } from '../../src/text/contacts.js';

/**
 * The page's own content, not the site's menus: for the first selector that matches anything with text, the match
 * holding the most text (ASP.NET names every placeholder "...ContentPlaceHolder...", the sidebar's too).
 */
export function contentRegion($: CheerioAPI, selectors: readonly string[]): Cheerio<Element> | undefined {
  for (const sel of selectors) {
    let best: { el: Element; size: number } | undefined;
    for (const el of $(sel).toArray() as Element[]) {
      const size = collapseSpace($(el).text()).length;
      if (size && (!best || size > best.size)) best = { el, size };
    }
    if (best) return $(best.el);
  }
  return undefined;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The offers and facts an information page states, read from its content region alone. The statement reader's
 * "the statement does not mention ..." facts are left out: one information page is not the council's statement, so
 * its silence on complaints or transport says nothing about what the council publishes.
 */
export async function contentPageRecords(
  page: PageInput,
  title: string,
  contentHtml: string,
  platform: Platform,
): Promise<{ records: CuratedRecord[]; problems: string[]; layout: 'ok' | 'changed' }> {
  const $ = load(`<main>${contentHtml}</main>`);
  // A list whose every item is one link is a menu of pages ("Find out more"), not something the page states.
  $('ul, ol')
    .filter((_, list) => {
      const items = $(list).children('li').toArray();
      return items.length > 0 && items.every((li) => $(li).find('a').length === 1 && collapseSpace($(li).text()) === collapseSpace($(li).find('a').text()));
    })
    .remove();
  const html = `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body>${$('main').first().prop('outerHTML') ?? ''}</body></html>`;
  const out = await parseStatementPage({ ...page, text: html, label: 'entry' });
  const records = out.records
    .filter((r) => !(r.kind === 'council_fact' && /:not-mentioned-/.test(r.id)))
    .map((r) => ({ ...r, source: { ...r.source, kind: page.source.kind === 'statement' ? ('statement' as const) : ('local_offer_page' as const), platform } }));
  return { records, problems: out.problems, layout: out.layout };
}

/**
 * The links inside `root` to pages on the same host, outside the site's chrome (menus, footers), each once and without
 * its fragment, labelled by `labelOf` (undefined: not followed).
 */
export function sameHostLinks($: CheerioAPI, root: ReturnType<CheerioAPI>, here: URL, chrome: string, labelOf: (url: URL, text: string) => string | undefined): PageOutput['links'] {
  const seen = new Set<string>([here.href]);
  const links: PageOutput['links'] = [];
  root.find('a[href]').each((_, a) => {
    if ($(a).closest(chrome).length) return;
    const href = webUrlOf($(a).attr('href'), here.href)?.replace(/#.*$/, '');
    if (!href || seen.has(href)) return;
    const u = new URL(href);
    if (u.host !== here.host) return;
    const label = labelOf(u, collapseSpace($(a).text()));
    if (!label) return;
    seen.add(href);
    links.push({ url: href, label });
  });
  return links;
}
