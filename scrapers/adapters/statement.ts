// Adapter for a council's short breaks statement as HTML pages (often numbered parts): offers, facts, next part, PDFs.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { Adapter, PageInput, PageOutput } from './adapter.js';
import { emptyOutput } from './adapter.js';
import { collapseSpace, CONTROL_CHARS, repairMojibake } from '../../src/text/clean-text.js';
import { looksLikePdf, parsePdfStatement } from './pdf-statement.js';
import { ITEM_MARK } from './statement-lists.js';
import { extractStatement, siteWordsOf, statementRecords, STATEMENT_TOPICS, type StatementSection, type StatementTopic } from './statement-extract.js';

export const STATEMENT_PAGE = 'statement_page';

/**
 * The label a continuation page is queued with: 'statement_page', plus what the earlier pages covered
 * (';pages=2;seen=eligibility,complaints'), so that the last page can tell what the whole statement leaves out
 * while each parse stays a pure function of its page.
 */
export function statementPageLabel(pages: number, seen: Iterable<StatementTopic>): string {
  const topics = [...seen].sort();
  return `${STATEMENT_PAGE};pages=${pages}${topics.length ? `;seen=${topics.join(',')}` : ''}`;
}

/** What a page's label says about the statement pages read before it (none for an entry page). */
export function readStatementLabel(label: string): { pages: number; seen: Set<StatementTopic> } {
  if (!label.startsWith(STATEMENT_PAGE)) return { pages: 0, seen: new Set() };
  const pages = Number(/;pages=(\d+)/.exec(label)?.[1] ?? 1);
  const seen = (/;seen=([a-z_,]+)/.exec(label)?.[1] ?? '').split(',').filter((t): t is StatementTopic => (STATEMENT_TOPICS as readonly string[]).includes(t));
  return { pages, seen: new Set(seen) };
}

const CHROME = 'header, nav, footer, aside, script, style, noscript, template, form, [role=navigation], [role=banner], [role=contentinfo], [hidden], .breadcrumb, .breadcrumbs';
const HEADING = /^h([1-6])$/;
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'address', 'details', 'summary', 'br', 'hr']);

/** The statement's own text: main, article, #content or [role=main], else the body without header, nav and footer. */
function contentRoot($: CheerioAPI) {
  for (const sel of ['main', 'article', '#content', '[role=main]']) {
    const el = $(sel).first();
    if (el.length && collapseSpace(el.text()).length) return el;
  }
  return $('body').first();
}

function boldLabelled($: CheerioAPI, el: Element): boolean {
  const first = el.children.find((c) => !(c.type === 'text' && !(c as Text).data.trim()));
  if (!first || first.type !== 'tag' || !/^(?:strong|b)$/i.test((first as Element).tagName)) return false;
  const label = collapseSpace($(first).text());
  const after = first.next?.type === 'text' ? (first.next as Text).data : '';
  return label.length <= 60 && (/:$/.test(label) || /^\s*[:–—-]/.test(after));
}

/** Headings with the text under each; table rows become "cell | cell" lines. */
function sectionsOf($: CheerioAPI, title: string): StatementSection[] {
  const sections: StatementSection[] = [];
  // Text before the first heading (a banner, a lead paragraph) has no heading of its own.
  let current: StatementSection = { heading: '', level: 1, text: '' };
  let line = '';
  // A list item's first line is marked, so the extractor can tell lists of provision from paragraphs.
  let itemStarts = false;
  const flush = () => {
    const t = collapseSpace(line);
    if (t) {
      current.text += `${current.text ? '\n' : ''}${itemStarts ? ITEM_MARK : ''}${t}`;
      itemStarts = false;
    }
    line = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') return void (line += (node as Text).data);
    if (node.type === 'root') return void (node as unknown as { children: AnyNode[] }).children.forEach(walk);
    if (node.type !== 'tag') return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    const h = HEADING.exec(tag);
    if (h) {
      flush();
      // A heading with nothing under it before the next still names a section (a level whose offers are the headings below it).
      if (current.text || current.heading) sections.push(current);
      current = { heading: collapseSpace($(el).text()) || title, level: Number(h[1]), text: '' };
      return;
    }
    if (tag === 'table') {
      flush();
      line = $(el).find('caption').first().text();
      flush();
      // A cell's paragraphs and list items stay sentences of their own ("Cost: £30 per day" then "Available to ages 8-17").
      $(el).find('td p, td li, td div, th p').each((_, x) => {
        $(x).append(/[.!?:;]\s*$/.test($(x).text()) ? ' ' : '. ');
      });
      $(el).find('td br').replaceWith(' ');
      $(el).find('tr').each((_, tr) => {
        line = $(tr).find('th, td').map((_i, c) => collapseSpace($(c).text())).get().filter(Boolean).join(' | ');
        flush();
      });
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    // "<p><strong>Sport Works:</strong> Sport Works will deliver ...</p>": a paragraph led by a bold label is a list item.
    if (tag === 'li' || (tag === 'p' && boldLabelled($, el))) itemStarts = true;
    for (const child of el.children) walk(child);
    if (block) flush();
  };
  walk($.root()[0]!);
  flush();
  if (current.text) sections.push(current);
  if (sections.length === 1 && !sections[0]!.heading) sections[0]!.heading = title;
  return sections;
}

interface Links {
  next?: string;
  pdfs: string[];
}

/** The next part of the statement (one link, so parts are read in order) and the PDFs of the statement. */
function statementLinks($: CheerioAPI, pageUrl: string): Links {
  const here = new URL(pageUrl);
  const numbered = /^(.*?)\/(\d{1,2})\/?$/.exec(here.pathname);
  const base = (numbered ? numbered[1]! : here.pathname).replace(/\/+$/, '');
  const current = numbered ? Number(numbered[2]) : 0;
  const folder = here.pathname.slice(0, here.pathname.lastIndexOf('/') + 1);
  let nextNumber: { n: number; url: string } | undefined;
  let relNext: string | undefined;
  const pdfs: string[] = [];
  $('a[href], link[rel~=next][href]').each((_, el) => {
    let u: URL;
    try {
      u = new URL($(el).attr('href')!, here);
    } catch {
      return;
    }
    u.hash = '';
    if (!/^https?:$/.test(u.protocol)) return;
    const text = collapseSpace($(el).text());
    if (/\.pdf$/i.test(u.pathname) || /pdf/i.test($(el).attr('type') ?? '')) {
      if (/statement|short[\s_-]*breaks?/i.test(`${text} ${u.pathname}`) && !pdfs.includes(u.href)) pdfs.push(u.href);
      return;
    }
    if (u.origin !== here.origin || u.pathname === here.pathname) return;
    const part = /^(.*?)\/(\d{1,2})\/?$/.exec(u.pathname);
    if (part && part[1]!.replace(/\/+$/, '') === base && Number(part[2]) > current && (!nextNumber || Number(part[2]) < nextNumber.n))
      nextNumber = { n: Number(part[2]), url: u.href };
    const rel = ($(el).attr('rel') ?? '').split(/\s+/);
    if (!relNext && u.pathname.startsWith(folder) && (rel.includes('next') || /^(?:next\b|part\s*\d+\b)/i.test(text))) relNext = u.href;
  });
  return { next: nextNumber?.url ?? relNext, pdfs };
}

const changed = (problem: string): PageOutput => ({ ...emptyOutput(), layout: 'changed', problems: [problem] });

/** Parses one HTML page of a statement; a PDF (by bytes, type or label) goes to the PDF reader. */
export async function parseStatementPage(page: PageInput): Promise<PageOutput> {
  if (looksLikePdf(page)) return parsePdfStatement(page, 'statement');
  if (page.text === undefined) return changed(`no text to read: the page is ${page.contentType ?? 'of an unknown type'}, not HTML or PDF`);
  const $ = load(repairMojibake(page.text.replace(CONTROL_CHARS, '')));
  const title = collapseSpace($('h1').first().text()) || collapseSpace($('title').first().text()) || 'Short breaks statement';
  const links = statementLinks($, page.finalUrl || page.url);
  const root = contentRoot($).clone();
  const $main = load('');
  $main.root().append(root);
  $main(CHROME).remove();
  // "Next: who can get short breaks" names the next part; it says nothing on this one.
  $main('a').filter((_, a) => /^(?:next|previous|prev|back)\b/i.test(collapseSpace($main(a).text())) || /\b(?:next|prev)\b/.test($main(a).attr('rel') ?? '')).remove();
  const mainText = collapseSpace($main.root().text());
  if (mainText.length < 40)
    return changed(`no statement text in the main content (main, article, #content, [role=main] or body held ${mainText.length} characters)`);

  const path = new URL(page.finalUrl || page.url).pathname;
  const before = readStatementLabel(page.label);
  // A page read on its own (not a later part of a statement) that heads no offer still describes one.
  const findings = extractStatement(sectionsOf($main, title), path.replace(/^\/+|\/+$/g, '') || 'home', { siteWords: siteWordsOf(page.finalUrl || page.url), pageOffer: before.pages === 0 && !links.next });
  const seen = new Set([...before.seen, ...findings.topics]);
  const statementKey = (/^(.*?)\/\d{1,2}\/?$/.exec(path)?.[1] ?? path).replace(/^\/+|\/+$/g, '') || 'home';
  const { records, problems } = statementRecords(findings, {
    page, adapter: 'statement', platform: 'plain_html',
    // No next part: this is the last (or only) page, so the topics no page mentioned are recorded as not mentioned.
    absent: links.next ? undefined : { seen, pagesChecked: before.pages + 1, statementKey },
  });
  return {
    records,
    links: [
      ...(links.next ? [{ url: links.next, label: statementPageLabel(before.pages + 1, seen) }] : []),
      ...links.pdfs.map((url) => ({ url, label: 'pdf' })),
    ],
    layout: 'ok',
    problems,
  };
}

export const statementAdapter: Adapter = { name: 'statement', parse: parseStatementPage };
