// A statement's sections as blocks: heading, level, lines (list items marked) and sentences, with quoting helpers.
import { lineOf, unmarkedItems, type Line } from './statement-lists.js';

/** One heading and the text under it; `page` is the PDF page; `continues` marks the rest of the previous section on a new page. */
export interface StatementSection {
  heading: string;
  text: string;
  page?: number;
  level?: number;
  continues?: boolean;
}

export interface Sentence {
  text: string;
  page?: number;
}
export interface Block {
  heading: string;
  level: number;
  text: string;
  lines: Line[];
  sentences: Sentence[];
}

export const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'x';
/** A heading as a name: no "Part 2:" numbering, no "Apply for a" or "About the" before it, no trailing colon. */
export const cleanHeading = (h: string) =>
  h
    .replace(/^\s*(?:part|section|chapter)\s+\d+\s*[:.\-–—]\s*/i, '')
    .replace(/^\s*(?:apply(?:ing)? for|about|introducing)\s+(?:an?\s+|the\s+|our\s+)?(?=\S)/i, '')
    .replace(/[\s:]+$/, '')
    .trim();
export const splitSentences = (text: string, page?: number): Sentence[] =>
  text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9"“‘(£])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 1)
    .map((s) => ({ text: s, page }));
export const sentencesOf = (lines: readonly Line[]): Sentence[] => lines.flatMap((l) => splitSentences(l.text, l.page));

/** Joins sentences as a quote, each run of one PDF page led by "p. N:". */
export function quoteSentences(sentences: readonly Sentence[], max: number): string {
  const parts: string[] = [];
  let page: number | undefined;
  let length = 0;
  for (const s of sentences) {
    const piece = s.page !== undefined && s.page !== page ? `p. ${s.page}: ${s.text}` : s.text;
    if (parts.length && length + piece.length + 1 > max) break;
    parts.push(piece);
    page = s.page;
    length += piece.length + 1;
  }
  return parts.join(' ');
}

const EXAMPLE_HEADING = /^\s*(?:examples?|for example|e\.g\.)\s*[:\-–]\s*\S/i;

/** Sections as blocks; a section that continues on the next PDF page joins the block before it. */
export function toBlocks(sections: readonly StatementSection[]): Block[] {
  const blocks: Block[] = [];
  for (const s of sections) {
    const prev = blocks[blocks.length - 1];
    const lines = unmarkedItems(s.text.split(/\n+/).map((raw) => lineOf(raw, s.page)).filter((l) => l.text.length > 1));
    const sentences = sentencesOf(lines);
    // "Example: Youth Clubs, Out of School Clubs, Leisure Centres" set as a heading gives examples of the section above it.
    if (prev && EXAMPLE_HEADING.test(s.heading)) {
      const more = [lineOf(s.heading.trim(), s.page), ...lines];
      prev.text += `\n${s.heading}\n${s.text}`;
      prev.lines.push(...more);
      prev.sentences.push(...sentencesOf(more));
      continue;
    }
    if (s.continues && prev) {
      prev.text += `\n${s.text}`;
      prev.lines.push(...lines);
      prev.sentences.push(...sentences);
    } else blocks.push({ heading: s.heading.trim(), level: s.level ?? 2, text: s.text, lines, sentences });
  }
  return blocks;
}
