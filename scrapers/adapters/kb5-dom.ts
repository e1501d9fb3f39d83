// DOM helpers for the kb5 adapter: one fast htmlparser2 parse per page, plain text of nodes without re-parsing, dl fields.
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { collapseSpace, CONTROL_CHARS, repairMojibake } from '../../src/text/clean-text.js';

/** A selection of elements (what `$(selector)` gives). */
export type Sel = Cheerio<Element>;

/** Markers of everything the adapter reads outside `#main_content` (the `<head>` apart). */
const READ_OUTSIDE_MAIN = /breadcrumb|hit-header|<section|resultHitContainer|results-list|category-block|sub_cat|caticon_/;

/**
 * Parses a page once, with htmlparser2 (cheerio/slim: several times faster than parse5 on 30 KB kb5 pages).
 * The portal header and menus between `</head>` and `#main_content` (a third of a kb5 page) are left unparsed
 * when they hold none of the markers above, so the result reads the same as a parse of the whole page.
 */
export function parsePage(html: string): CheerioAPI {
  const headEnd = html.indexOf('</head>');
  const mainAt = html.indexOf('id="main_content"');
  if (headEnd > 0 && mainAt > headEnd) {
    const start = html.lastIndexOf('<', mainAt);
    if (start > headEnd && !READ_OUTSIDE_MAIN.test(html.slice(headEnd, start))) return load(`${html.slice(0, headEnd)}</head><body>${html.slice(start)}`);
  }
  return load(html);
}

const BLOCK = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'dt', 'dd', 'section', 'article', 'ul', 'ol', 'table', 'header', 'footer', 'blockquote',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'button']);

function walk(node: AnyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.data);
    return;
  }
  if (node.type !== 'tag' || SKIP.has(node.name)) return;
  if (node.name === 'br') {
    out.push('\n');
    return;
  }
  const block = BLOCK.has(node.name);
  if (block) out.push('\n');
  else if (node.name === 'td' || node.name === 'th') out.push(' ');
  for (const child of node.children) walk(child, out);
  if (block) out.push('\n');
}

/** Plain text of nodes: block elements become line breaks, whitespace collapsed, mojibake repaired. */
export function textOf(nodes: Cheerio<AnyNode> | readonly AnyNode[] | AnyNode | undefined): string {
  if (!nodes) return '';
  const out: string[] = [];
  if ('type' in nodes) walk(nodes, out);
  else for (let i = 0; i < nodes.length; i++) walk(nodes[i]!, out);
  return collapseSpace(repairMojibake(out.join('').replace(CONTROL_CHARS, '')));
}

/** Text on one line (line breaks become spaces). */
export const lineOf = (nodes: Parameters<typeof textOf>[0]) => textOf(nodes).replace(/\n/g, ' ');

/** A label as a key: lower-case, no trailing colon, single spaces ("Contact Name:" -> "contact name"). */
export const labelKey = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\s*:+$/, '').toLowerCase();

/** The dd elements of each dt label in the dl elements under `scope` (several dd per dt are kept together). */
export function dlFields($: CheerioAPI, scope: Sel): Map<string, Sel> {
  const fields = new Map<string, Sel>();
  scope.find('dt').each((_, dt) => {
    const key = labelKey(lineOf(dt));
    if (!key || fields.has(key)) return;
    fields.set(key, $(dt).nextUntil('dt').filter('dd'));
  });
  return fields;
}

/** The first field whose label is one of `keys`. */
export function field(fields: Map<string, Sel>, ...keys: string[]): Sel | undefined {
  for (const k of keys) {
    const f = fields.get(k);
    if (f && f.length) return f;
  }
  return undefined;
}

/** An absolute URL for an href, or undefined for javascript:, fragments and junk. */
export function absolute(href: string | undefined, base: string): string | undefined {
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** What the kb5 adapter looks up on every page, found in one walk over the document instead of one query each. */
export interface PageIndex {
  title: string;
  /** `<meta name="application-name">`: the portal's own name. */
  appName: string;
  mainContent?: Element;
  hitHeader?: Element;
  resultHitContainer?: Element;
  resultsList?: Element;
  sections: Element[];
  h1s: Element[];
  /** `li` items of `ol.breadcrumb` / `ul.breadcrumb` / `#breadcrumbs`. */
  crumbs: Element[];
}

const hasClass = (el: Element, name: string) => (` ${el.attribs.class ?? ''} `).replace(/\s+/g, ' ').includes(` ${name} `);

export function indexPage($: CheerioAPI): PageIndex {
  const ix: PageIndex = { title: '', appName: '', sections: [], h1s: [], crumbs: [] };
  /** inRegion: below `#breadcrumbs`; crumbList: the nodes are children of a breadcrumb list. */
  const visit = (nodes: readonly AnyNode[], inRegion: boolean, crumbList: boolean) => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      const id = n.attribs.id;
      if (id === 'main_content') ix.mainContent ??= n;
      else if (id === 'hit-header') ix.hitHeader ??= n;
      else if (id === 'resultHitContainer') ix.resultHitContainer ??= n;
      const name = n.name;
      if (name === 'title') {
        if (!ix.title) ix.title = textOf(n);
        continue;
      }
      if (name === 'meta') {
        if (n.attribs.name === 'application-name') ix.appName ||= (n.attribs.content ?? '').trim();
        continue;
      }
      if (name === 'section') ix.sections.push(n);
      else if (name === 'h1') ix.h1s.push(n);
      else if (name === 'li' && (crumbList || inRegion)) {
        ix.crumbs.push(n);
        continue;
      } else if (name === 'ol' && !ix.resultsList && hasClass(n, 'results-list')) ix.resultsList = n;
      const list = (name === 'ol' || name === 'ul') && hasClass(n, 'breadcrumb');
      visit(n.children, inRegion || id === 'breadcrumbs', list);
    }
  };
  visit($.root()[0]!.children, false, false);
  return ix;
}
