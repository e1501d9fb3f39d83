// Access tiers in prose: a council's own tier names, the words universal/targeted/specialist, then access cues.
import { NEGATED_ASSESSMENT } from './gates.js';
import { squash } from './numbers.js';

export type AccessTier = 'universal' | 'targeted' | 'specialist';
export interface TierMatch {
  tier: AccessTier;
  /** The council's own tier name, when a council vocabulary matched (e.g. "Break-time", "SBLO Plus"). */
  label?: string;
  cue: string;
}

/** Council tier vocabularies (kept in step with taxonomy.json tier_schemes by a test). */
export const TIER_SCHEMES: Array<{ council: string; label: RegExp; name: string; tier: AccessTier }> = [
  { council: 'Lancashire', name: 'Break-time', label: /\bBreak[- ]?[Tt]ime\b/, tier: 'targeted' },
  { council: 'Lancashire', name: 'Day-time', label: /\bDay-time(?= short breaks?\b| offer\b|$)/, tier: 'specialist' },
  { council: 'Lancashire', name: 'Night-time', label: /\bNight-time(?= short breaks?\b| offer\b|$)/, tier: 'specialist' },
  { council: 'Hertfordshire', name: 'Activities Extra', label: /\bActivities Extra\b/i, tier: 'targeted' },
  { council: 'Hertfordshire', name: 'SBLO Plus', label: /\bSBLO Plus\b/i, tier: 'specialist' },
  { council: 'Hertfordshire', name: 'SBLO Intensive', label: /\bSBLO Intensive\b/i, tier: 'specialist' },
  { council: 'Oldham', name: 'Level 1', label: /\bLevel (?:1|one)\b/i, tier: 'universal' },
  { council: 'Oldham', name: 'Level 2', label: /\bLevel (?:2|two)\b/i, tier: 'targeted' },
  { council: 'Oldham', name: 'Level 3', label: /\bLevel (?:3|three)\b/i, tier: 'specialist' },
  { council: 'Nottingham', name: 'small', label: /\bsmall (?:short breaks?|support|help|needs?)\b/i, tier: 'universal' },
  { council: 'Nottingham', name: 'some', label: /\bsome (?:short breaks?|support|help|needs?)\b/i, tier: 'targeted' },
  { council: 'Nottingham', name: 'lots of', label: /\blots of (?:short breaks?|support|help|needs?)\b/i, tier: 'specialist' },
  { council: 'Nottingham', name: 'exceptional', label: /\bexceptional (?:short breaks?|support|help|needs?)\b/i, tier: 'specialist' },
  { council: 'Stoke-on-Trent', name: 'additional', label: /\badditional (?:short breaks? )?services\b/i, tier: 'targeted' },
];
// "Universal needs", "Targeted needs": a rung named by the needs it meets.
const EXPLICIT_TIER = /\b(universal|targeted|specialist)\s+(?:short breaks?|services?|support|offer|tier|level|activities|provision|clubs?|needs)\b/i;
const BARE_TIER = /^\W*(universal|targeted|specialist)\W*$/i;
const ACCESS_CUES: Array<{ tier: AccessTier; re: RegExp }> = [
  { tier: 'specialist', re: /\b(?:assess(?:ment|ed) by (?:a |the |our )?social worker|social (?:care|work(?:er)?) assessment|child in need assessment|allocated social worker|(?:need|needs|after|following) (?:an? )?(?:needs )?assessment)\b/i },
  { tier: 'targeted', re: /\b(?:self[- ]referr?(?:al|ed|ing)?|refer yourself|NO-ASSESSMENT|professional referral|referred by a professional)\b/i },
  { tier: 'universal', re: /\b(?:open to (?:all|everyone|any child)|all children and young people|mainstream|no referral)\b/i },
];

/** The access tier a text describes: a council's own tier name first, then universal/targeted/specialist, then access cues. */
export function parseTier(text: string): TierMatch | undefined {
  for (const s of TIER_SCHEMES) {
    const m = s.label.exec(text);
    if (m) return { tier: s.tier, label: s.name, cue: m[0] };
  }
  const explicit = EXPLICIT_TIER.exec(text) ?? BARE_TIER.exec(text);
  if (explicit) return { tier: explicit[1]!.toLowerCase() as AccessTier, cue: squash(explicit[0].replace(/^\W+|\W+$/g, '')) };
  // "You do not need a social care assessment" is a targeted cue, not a specialist one.
  const negated = new Map<number, number>();
  const masked = text.replace(NEGATED_ASSESSMENT, (m, at: number) => {
    negated.set(at, m.length);
    return `NO-ASSESSMENT${' '.repeat(Math.max(0, m.length - 13))}`;
  });
  const best = ACCESS_CUES.map(({ tier, re }) => ({ tier, m: re.exec(masked) }))
    .filter((h) => h.m)
    .sort((a, b) => a.m!.index - b.m!.index)[0];
  if (!best) return undefined;
  const at = best.m!.index;
  return { tier: best.tier, cue: squash(text.slice(at, at + (negated.get(at) ?? best.m![0].length))) };
}
