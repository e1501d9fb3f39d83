// Adapter for a short breaks statement published as a PDF: text by page, broken lines rejoined, headings by font size.
import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf';
import type { Adapter, PageInput, PageOutput } from './adapter.js';
import { emptyOutput } from './adapter.js';
import { extractStatement, siteWordsOf, statementRecords, type StatementSection } from './statement-extract.js';

const PDF_MAGIC = '%PDF-';

/** True when the page is (or claims to be) a PDF: its bytes, its content type, its label or its URL. */
export function looksLikePdf(page: Pick<PageInput, 'bytes' | 'contentType' | 'label' | 'url'>): boolean {
  return hasPdfMagic(page.bytes) || /application\/(?:x-)?pdf/i.test(page.contentType ?? '') || page.label === 'pdf' || /\.pdf(?:$|[?#])/i.test(page.url);
}

/** "%PDF-" within the first 1 KiB, as readers accept. */
function hasPdfMagic(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes(PDF_MAGIC);
}

export interface Line {
  text: string;
  size: number;
  y: number;
}

/** Items of one page grouped into lines (top to bottom), each with its largest font size. */
function linesOf(items: readonly StructuredTextItem[]): Line[] {
  const lines: Array<Line & { parts: StructuredTextItem[] }> = [];
  for (const it of items) {
    if (!it.str.trim()) continue;
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, it.fontSize * 0.3));
    if (line) {
      line.parts.push(it);
      line.size = Math.max(line.size, it.fontSize);
    } else lines.push({ text: '', size: it.fontSize, y: it.y, parts: [it] });
  }
  for (const l of lines) {
    l.parts.sort((a, b) => a.x - b.x);
    l.text = l.parts.reduce((acc, p, i) => {
      const prev = l.parts[i - 1];
      const gap = prev ? p.x - (prev.x + prev.width) : 0;
      return acc + (prev && gap > p.fontSize * 0.15 && !/\s$/.test(acc) && !/^\s/.test(p.str) ? ' ' : '') + p.str;
    }, '').replace(/\s+/g, ' ').trim();
  }
  return lines.sort((a, b) => b.y - a.y).map(({ text, size, y }) => ({ text, size, y }));
}

/** The font size most characters are set in. */
function bodySize(pages: readonly Line[][]): number {
  const chars = new Map<number, number>();
  for (const l of pages.flat()) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Sections from the PDF's lines: larger type starts a section; lines broken mid-sentence are joined; pages kept. */
export function sectionsFromLines(pages: readonly Line[][], fallbackHeading: string): StatementSection[] {
  const body = bodySize(pages);
  const isHeading = (l: Line) => l.size >= body * 1.15 && l.text.length <= 150;
  const headingSizes = [...new Set(pages.flat().filter(isHeading).map((l) => l.size))].sort((a, b) => b - a);
  const sections: StatementSection[] = [];
  let current: StatementSection | undefined;
  let lastHeadingLine: Line | undefined;
  pages.forEach((lines, i) => {
    const page = i + 1;
    if (!current) current = { heading: fallbackHeading, level: 1, text: '', page };
    else if (current.text.trim()) {
      sections.push(current);
      current = { heading: current.heading, level: current.level, text: '', page, continues: true };
    } else current = { ...current, page }; // a heading at the foot of a page: its text starts on this one
    let prev: Line | undefined;
    for (const l of lines) {
      if (isHeading(l)) {
        const level = headingSizes.indexOf(l.size) + 1;
        if (lastHeadingLine && lastHeadingLine.size === l.size && !current.text.trim() && prev === lastHeadingLine) {
          current.heading = `${current.heading} ${l.text}`; // a heading set over two lines
        } else {
          if (current.text.trim()) sections.push(current);
          current = { heading: l.text, level, text: '', page };
        }
        lastHeadingLine = l;
      } else {
        const paragraphBreak = !prev || isHeading(prev) || prev.y - l.y > body * 1.9 || /^[•●▪◦*\-–]\s/.test(l.text);
        const joiner = !current.text ? '' : paragraphBreak ? '\n' : /[A-Za-z]-$/.test(current.text) ? '' : ' ';
        current.text += joiner + l.text;
      }
      prev = l;
    }
  });
  if (current?.text.trim()) sections.push(current);
  return sections;
}

const changed = (problem: string): PageOutput => ({ ...emptyOutput(), layout: 'changed', problems: [problem] });

async function readPdf(bytes: Uint8Array): Promise<{ pages: Line[][]; title?: string } | string> {
  if (!bytes.length) return 'the file is empty (0 bytes), not a PDF';
  if (!hasPdfMagic(bytes)) {
    const start = new TextDecoder('latin1').decode(bytes.subarray(0, 40)).replace(/\s+/g, ' ').trim();
    return `not a PDF: the file does not start with %PDF- (it starts "${start}")`;
  }
  try {
    // pdf.js may take over the buffer it is given: hand it a copy so the page stays as fetched.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      const { items } = await extractTextItems(pdf);
      const meta = (await pdf.getMetadata().catch(() => undefined)) as { info?: { Title?: unknown } } | undefined;
      const title = typeof meta?.info?.Title === 'string' ? meta.info.Title : undefined;
      return { pages: items.map(linesOf), title };
    } finally {
      await pdf.destroy().catch(() => undefined);
    }
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') return 'the PDF is encrypted with a password, so its text cannot be read';
    if (err.name === 'InvalidPDFException') return `not a readable PDF: ${err.message}`;
    return `could not read the PDF: ${err.name}: ${err.message}`;
  }
}

/** Parses a PDF statement; anything unreadable is a layout change with a problem saying why, never a throw. */
export async function parsePdfStatement(page: PageInput, adapter = 'pdf_statement'): Promise<PageOutput> {
  const read = await readPdf(page.bytes);
  if (typeof read === 'string') return changed(read);
  const chars = read.pages.flat().reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  if (chars < 20)
    return changed(`the PDF has no text layer (${read.pages.length} page(s), ${chars} characters of text): a scanned image needs reading by hand`);
  const path = new URL(page.finalUrl || page.url).pathname.replace(/^\/+|\/+$/g, '') || 'statement.pdf';
  const sections = sectionsFromLines(read.pages, read.title ?? 'Short breaks statement');
  const findings = extractStatement(sections, path, { siteWords: siteWordsOf(page.finalUrl || page.url) });
  const { records, problems } = statementRecords(findings, {
    page, adapter, platform: 'pdf',
    // A PDF is the whole statement: topics none of its pages mention are recorded as not mentioned.
    absent: { seen: new Set(), pagesChecked: read.pages.length, statementKey: path },
  });
  return { records, links: [], layout: 'ok', problems };
}

export const pdfStatementAdapter: Adapter = {
  name: 'pdf_statement',
  parse: (page) => parsePdfStatement(page),
};
