// Turns a report's pages of lines into whole sentences with their page and section: running headers and footers
// are dropped, lines and bullets broken mid-sentence are rejoined, each bullet is a sentence boundary.

export interface ReportSentence {
  text: string;
  /** The page the sentence starts on (1-based). */
  page: number;
  section: string | null;
}

const BULLET = /^[◼•▪■●\u25aa\u25fc\uf0b7\uf0a7-]\s+/;
const RUNNING_HEADER = /^Area SEND inspection report:/i;
const RUNNING_FOOTER = /^(\d{1,2}(st|nd|rd|th)?( [A-Za-z]+)?( \d{4})? (to|-) )?\d{1,2}(st|nd|rd|th)? [A-Za-z]+ \d{4}\s+\d{1,3}$/;
const KNOWN_HEADINGS = [
  /^Inspection outcome$/i,
  /^Information about the local area partnership$/i,
  /^What is it like to be a child or young person with SEND in this area\?$/i,
  /^What is the area partnership doing that is effective\?$/i,
  /^What does the area partnership need to do better\?$/i,
  /^Areas for priority action$/i,
  /^Areas? for improvement$/i,
  /^Local area partnership details$/i,
  /^Inspection team$/i,
  /^Information about this inspection$/i,
];
const ABBREVIATION = /\b(e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|St|No|vs|approx|Prof)\.$/;

const isHeading = (s: string) => KNOWN_HEADINGS.some((h) => h.test(s)) || (/^What\b.*\?$/.test(s) && s.length < 160);

interface Piece {
  text: string;
  page: number;
}

/** Lines of every page after the first heading, without running headers and footers, with wrapped headings rejoined. */
function contentLines(pages: string[][]): Array<{ line: string; page: number; heading: boolean }> {
  const out: Array<{ line: string; page: number; heading: boolean }> = [];
  pages.forEach((lines, i) => {
    for (const raw of lines) {
      const line = raw.trim();
      if (!line || RUNNING_HEADER.test(line) || RUNNING_FOOTER.test(line)) continue;
      const prev = out[out.length - 1];
      // "What is it like ... in this" + "area?": a heading wrapped over two lines.
      if (prev && !prev.heading && /^What\b[^.?!:]*$/.test(prev.line) && /^[a-z].*\?$/.test(line) && isHeading(`${prev.line} ${line}`)) {
        prev.line = `${prev.line} ${line}`;
        prev.heading = true;
        continue;
      }
      out.push({ line, page: i + 1, heading: isHeading(line) });
    }
  });
  return out;
}

function splitSentences(pieces: Piece[], section: string | null): ReportSentence[] {
  const sentences: ReportSentence[] = [];
  let text = '';
  let page = pieces[0]?.page ?? 1;
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) sentences.push({ text: t, page, section });
    text = '';
  };
  for (const piece of pieces) {
    const words = piece.text.split(/(?<=[.!?][’”"')]?)\s+(?=[A-Z‘“"(0-9])/);
    words.forEach((part, i) => {
      if (!text) page = piece.page;
      const glue = !text ? '' : /-$/.test(text) && /^[a-z]/.test(part) ? '' : ' ';
      text += glue + part;
      const endsSentence = /[.!?][’”"')]?$/.test(part) && !ABBREVIATION.test(part);
      if (endsSentence && (i < words.length - 1 || true)) flush();
    });
  }
  flush();
  return sentences;
}

/** Every sentence of the report body, in order. */
export function reportSentences(pages: string[][]): ReportSentence[] {
  const lines = contentLines(pages);
  const sentences: ReportSentence[] = [];
  let section: string | null = null;
  let block: Piece[] = [];
  const endBlock = () => {
    sentences.push(...splitSentences(block, section));
    block = [];
  };
  for (const { line, page, heading } of lines) {
    if (heading) {
      endBlock();
      section = line;
      continue;
    }
    if (BULLET.test(line)) {
      endBlock();
      block.push({ text: line.replace(BULLET, ''), page });
      continue;
    }
    block.push({ text: line, page });
  }
  endBlock();
  return sentences;
}
