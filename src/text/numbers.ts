// Numbers in phrases: number words as digits, amounts with pounds and commas, whitespace squashed, sentences split.
import { collapseSpace, repairMojibake } from './clean-text.js';

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORD: Record<string, number> = { fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty-fifth': 25 };
const NUMBER_WORD = new RegExp(`\\b(?:(${TENS.slice(2).join('|')})(?:[- ](${SMALL.slice(1, 10).join('|')}))?|(${SMALL.join('|')}))(?: (hundred))?\\b(?!-off| off)`, 'gi');
const ORDINAL_WORD = new RegExp(`\\b(${Object.keys(ORD).join('|')})\\b`, 'gi');

/** Text with number words as digits ("five" -> 5, "forty-five" -> 45, "nineteenth" -> 19th), dashes as '-' and plain spaces. */
export function normaliseNumbers(text: string): string {
  return text
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(ORDINAL_WORD, (w) => `${ORD[w.toLowerCase()]}th`)
    .replace(NUMBER_WORD, (_m, tens: string | undefined, unit: string | undefined, small: string | undefined, hundred: string | undefined) => {
      const n = tens ? TENS.indexOf(tens.toLowerCase()) * 10 + (unit ? SMALL.indexOf(unit.toLowerCase()) : 0) : SMALL.indexOf(small!.toLowerCase());
      return String(hundred ? n * 100 : n);
    });
}

/** A number as written, pound sign, thousands commas and spaces dropped: "£1,250" -> 1250. */
export const num = (s: string) => Number(s.replace(/[£,\s]/g, ''));

/** One line with single spaces. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The sentences of a text (split on . ! ? and line breaks), mojibake repaired and spaces collapsed. */
export const sentences = (text: string): string[] =>
  collapseSpace(repairMojibake(text))
    .split(/(?<=[.!?])\s+|\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A field's text as one line: mojibake repaired, spaces collapsed, line breaks as spaces. */
export const oneLine = (s: string) => collapseSpace(repairMojibake(s)).replace(/\n/g, ' ');
