// ASP.NET WebForms postbacks as a browser makes them: the page's form fields serialised, __EVENTTARGET set to a
// __doPostBack target, posted to the form's action. Servelec Synergy starts a search and turns its result pages so.
import type { CheerioAPI } from 'cheerio';
import type { FoundLink } from '../../src/domain/index.js';
import { collapseSpace } from '../../src/text/clean-text.js';

/** A postback a link makes: `__doPostBack('target','argument')` or `WebForm_PostBackOptions("target", "argument", ...)`. */
export interface Postback {
  target: string;
  argument: string;
  /** The link's text ("2", "Next", "Search"). */
  text: string;
}

const DO_POSTBACK = /__doPostBack\(\s*'([^']+)'\s*,\s*'([^']*)'/;
const WITH_OPTIONS = /WebForm_PostBackOptions\(\s*"([^"]+)"\s*,\s*"([^"]*)"/;
const NOT_SENT = new Set(['submit', 'button', 'image', 'reset', 'file']);

/** Every postback link on the page, in document order. */
export function postbacks($: CheerioAPI): Postback[] {
  return $('a[href^="javascript:"]')
    .toArray()
    .flatMap((a) => {
      const href = $(a).attr('href') ?? '';
      const m = DO_POSTBACK.exec(href) ?? WITH_OPTIONS.exec(href);
      return m ? [{ target: m[1]!, argument: m[2]!, text: collapseSpace($(a).text()) }] : [];
    });
}

/** The WebForms form: the one holding __VIEWSTATE. */
export const webForm = ($: CheerioAPI) => $('form').filter((_, f) => $(f).find('input[name="__VIEWSTATE"]').length > 0).first();

/** The form's fields as a browser sends them: enabled named controls, checked boxes only, each select's chosen option. */
export function formFields($: CheerioAPI, form: ReturnType<CheerioAPI>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  form.find('input, select, textarea').each((_, el) => {
    const c = $(el);
    const name = c.attr('name');
    if (!name || c.is('[disabled]')) return;
    if (el.tagName === 'select') {
      const options = c.find('option');
      const chosen = options.filter('[selected]');
      const picked = chosen.length ? chosen.toArray() : c.is('[multiple]') ? [] : options.toArray().slice(0, 1);
      for (const o of picked) out.push([name, $(o).attr('value') ?? collapseSpace($(o).text())]);
      return;
    }
    if (el.tagName === 'textarea') return void out.push([name, c.text()]);
    const type = (c.attr('type') ?? 'text').toLowerCase();
    if (NOT_SENT.has(type)) return;
    if ((type === 'checkbox' || type === 'radio') && !c.is('[checked]')) return;
    out.push([name, c.attr('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
  });
  return out;
}

/** The form post a postback link makes, to the form's action resolved against the page; undefined without a form. */
export function postbackLink($: CheerioAPI, pageUrl: string, postback: Postback, label: string): FoundLink | undefined {
  const form = webForm($);
  if (!form.length) return undefined;
  const fields = formFields($, form).filter(([k]) => k !== '__EVENTTARGET' && k !== '__EVENTARGUMENT');
  const body = new URLSearchParams([['__EVENTTARGET', postback.target], ['__EVENTARGUMENT', postback.argument], ...fields]).toString();
  let action: string;
  try {
    action = new URL(form.attr('action') || pageUrl, pageUrl).href.replace(/#.*$/, '');
  } catch {
    return undefined;
  }
  return { url: action, label, form: body };
}

/**
 * The pager link to the page after the current one: the number one above the current page's (a pager's unlinked
 * number), else a "Next" link. Following only the next page walks the result pages once each, in order.
 */
export function nextPage(pager: readonly Postback[], current: number | undefined): Postback | undefined {
  if (current !== undefined) {
    const numbered = pager.find((p) => p.text === String(current + 1));
    if (numbered) return numbered;
  }
  return pager.find((p) => /^(next|›|»|>)/i.test(p.text));
}
