// Picks the sentences about short breaks, respite, direct payments and personal assistants, and reads each as a
// strength or a weakness, keeping the cue that decided it.
import type { ReportSentence } from './report-sentences.js';

export type FindingTopic = 'short_breaks' | 'respite' | 'direct_payments' | 'personal_assistants';
export type Polarity = 'strength' | 'weakness' | 'neutral';

export interface ReportFinding extends ReportSentence {
  topic: FindingTopic;
  polarity: Polarity;
  /** What decided the polarity: a phrase in the sentence, or the section it sits in. */
  cue: string;
}

const TOPICS: Array<[FindingTopic, RegExp]> = [
  ['short_breaks', /\bshort[-\s]?breaks?\b/i],
  ['respite', /\brespite\b/i],
  ['direct_payments', /\bdirect[-\s]payments?\b/i],
  ['personal_assistants', /\bpersonal assistants?\b|\bPAs\b/],
];

const WEAKNESS = /\b(not all|not always|not enough|not sufficient|not consistently|not yet|too few|too long|cannot|can't|unable|struggle[sd]?|difficult(y|ies)?|challenges?|lack(s|ing)?|insufficient|shortages?|gaps?|waits?|waiting|delays?|delayed|limited|poor|inconsistent(ly)?|concerns?|frustrat\w*|reduced|fewer|barriers?|variable|variability|unmet|do not|does not|did not|are not|is not|have not|has not)\b/i;
const STRENGTH = /\b(effective(ly)?|well|positive(ly)?|valued|value|helpful|improved|improving|increased|good|successful(ly)?|benefit(s|ed)?|enjoy(s|ed)?|appreciat\w*|timely|high[- ]quality|strong|supportive|flexible|responsive|wide range|range of|helps?|enables?)\b/i;
const IMPROVEMENT_SECTION = /need to do better|areas? for (priority action|improvement)/i;
const EFFECTIVE_SECTION = /doing that is effective|do well/i;

export function topicOf(text: string): FindingTopic | undefined {
  return TOPICS.find(([, re]) => re.test(text))?.[0];
}

export function polarityOf(text: string, section: string | null): { polarity: Polarity; cue: string } {
  if (section && IMPROVEMENT_SECTION.test(section)) return { polarity: 'weakness', cue: `section: ${section}` };
  const weak = WEAKNESS.exec(text);
  if (weak) return { polarity: 'weakness', cue: weak[0] };
  const strong = STRENGTH.exec(text);
  if (strong) return { polarity: 'strength', cue: strong[0] };
  if (section && EFFECTIVE_SECTION.test(section)) return { polarity: 'strength', cue: `section: ${section}` };
  return { polarity: 'neutral', cue: 'no cue' };
}

export function shortBreakFindings(sentences: readonly ReportSentence[]): ReportFinding[] {
  const out: ReportFinding[] = [];
  for (const s of sentences) {
    const topic = topicOf(s.text);
    if (topic) out.push({ ...s, topic, ...polarityOf(s.text, s.section) });
  }
  return out;
}
