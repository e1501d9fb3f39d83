// The easy read's pictures for a workshop: the drawn picture of an option (the pack's, chosen from words in the
// option's title, since a workshop option keeps no kind) and a face for each score 0-5 with the words that carry it.
import { ideaPicture, type PictureOf } from './easy-pictures.js';

/** Words in an option's title and the kind of break whose picture fits it; the first match wins. */
const KINDS: Array<[RegExp, string]> = [
  [/overnight|residential (unit|home)|short break home/i, 'overnight_residential_unit'],
  [/family[- ]based|host famil|another family/i, 'family_based_short_break'],
  [/at home|home[- ]based|sitting/i, 'home_based_care'],
  [/trip|camp|away/i, 'residential_trip'],
  [/direct payment|grant|budget|card|money|charge|free/i, 'direct_payment'],
  [/transport|travel|bus/i, 'transport_inclusion_support'],
  [/buddy|befriend/i, 'buddy_befriending'],
  [/sport|art|leisure|swim/i, 'sport_arts_leisure_inclusion'],
];

/** The drawn picture of a workshop option, with a text alternative saying what it shows. */
export function optionPicture(o: { title: string }, id: string): string {
  const kind = KINDS.find(([re]) => re.test(o.title))?.[1] ?? 'holiday_play_scheme';
  const night = /overnight|night/i.test(o.title);
  const of: PictureOf = { type: kind, title: o.title, when: null, cells: night ? [{ key: `${kind}|overnight`, label: 'overnight' }] : [] };
  return ideaPicture(of, id);
}

/** The anchored scale in short words, one line per score (the words carry the meaning; the face only helps). */
export const EASY_SCALE: Array<{ score: number; words: string }> = [
  { score: 0, words: 'It would make things worse' },
  { score: 1, words: 'It would not change much' },
  { score: 2, words: 'It would help a little' },
  { score: 3, words: 'It would help' },
  { score: 4, words: 'It would help a lot' },
  { score: 5, words: 'It would help very much' },
];

/** Each factor asked in a few words, for young people. Factors not listed are asked with their own question. */
export const EASY_QUESTIONS: Record<string, string> = {
  choice: 'More things to choose from?',
  equity: 'Easy to get to and to join?',
  quality: 'Would it be good?',
  suitability: 'Right for children like you?',
  affordability: 'Good value for the money?',
  achievability: 'Could it really happen?',
};

const MOUTHS = ['M9 24 Q16 15 23 24', 'M9 22 Q16 18 23 22', 'M10 21 L22 21', 'M10 20 Q16 23 22 20', 'M9 19 Q16 25 23 19', 'M8 18 Q16 28 24 18'];

/** A face for a score 0 (sad) to 5 (very happy), drawn in SVG and hidden from screen readers: the words say it. */
export function scoreFace(score: number): string {
  const mouth = MOUTHS[Math.max(0, Math.min(5, score))]!;
  return `<svg class="face" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><circle cx="16" cy="16" r="14" fill="#ffe9a8" stroke="#1a1a1a" stroke-width="2"/><circle cx="11" cy="13" r="2" fill="#1a1a1a"/><circle cx="21" cy="13" r="2" fill="#1a1a1a"/><path d="${mouth}" fill="none" stroke="#1a1a1a" stroke-width="2.2" stroke-linecap="round"/></svg>`;
}
