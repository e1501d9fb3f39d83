// Reads the comparison form's query the GOV.UK way: every problem is collected (not just the first), each naming its
// field, and what was typed is kept so the page can show the form again as it was sent. Tracking parameters are ignored.
import type { Context } from 'hono';
import type { CouncilKeys, CouncilLookup } from '../domain/council-lookup.js';
import type { Problem } from '../domain/errors.js';
import { DIMENSIONS } from '../scoring/config.js';
import { nearMisses } from './near-misses.js';
import { isTracking } from './page-html.js';
import { GROUP_CHOICES, THEME_CHOICES, type PickState } from './workshop-form.js';

const KNOWN = ['council', 'group', 'peers', 'theme', ...DIMENSIONS];

export interface CompareForm {
  state: PickState;
  problems: Problem[];
  /** The status the problems call for: 404 when the only problem is a council that does not exist, else 400. */
  status: 400 | 404;
  /** The scoring's group and weights for a form without problems. */
  group: string;
  weights: string;
}

export function readCompareForm(c: Context, lookup: CouncilLookup<CouncilKeys>, councils: readonly CouncilKeys[]): CompareForm {
  const didYouMean = (lookup: CouncilLookup<CouncilKeys>, key: string) => {
    const s = nearMisses(lookup, councils, key);
    return s.length ? ` Did you mean ${s.map((x) => x.name).join(' or ')}?` : '';
  };
  const problems: Problem[] = [];
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.queries())) {
    if (isTracking(k)) continue;
    if (!KNOWN.includes(k)) problems.push({ field: k, message: `The page does not know the parameter "${k}": remove it from the address.` });
    else if (v.length > 1) problems.push({ field: k, message: `"${k}" is given more than once: give it once.` });
    q[k] = v[0] ?? '';
  }
  let notFound = false;
  const councilText = (q.council ?? '').trim().slice(0, 100);
  const local = councilText ? lookup.find(councilText) : undefined;
  if (!councilText) problems.push({ field: 'council', message: 'Choose a council to compare.' });
  else if (!local) {
    notFound = true;
    problems.push({ field: 'council', message: `No council is called "${councilText}".${didYouMean(lookup, councilText)}` });
  }
  const group = q.group ?? 'sn2025';
  if (!GROUP_CHOICES.some(([v]) => v === group)) problems.push({ field: 'group', message: 'Choose who to compare with from the list.' });
  const weights: Record<string, number> = {};
  for (const d of DIMENSIONS) {
    const raw = q[d];
    if (raw === undefined || raw === '') weights[d] = 1;
    else if (/^[0-5]$/.test(raw.trim())) weights[d] = Number(raw.trim());
    else {
      weights[d] = 1;
      problems.push({ field: d, message: `"${d}": a whole number from 0 to 5 (it was "${raw.slice(0, 20)}").` });
    }
  }
  if (DIMENSIONS.every((d) => weights[d] === 0)) problems.push({ field: DIMENSIONS[0], message: 'At least one part of the offer must count: give one a weight above 0.' });
  const peersText = (q.peers ?? '').slice(0, 3000);
  const peerKeys = peersText.split(/[,;\n]/).map((s) => s.trim().slice(0, 100)).filter(Boolean);
  if (peerKeys.length > 160) problems.push({ field: 'peers', message: `Your own list names ${peerKeys.length} councils: name at most 160.` });
  else {
    const unknown = peerKeys.filter((key) => !lookup.find(key));
    for (const key of unknown.slice(0, 5)) problems.push({ field: 'peers', message: `"${key}" in your own list is not a council.${didYouMean(lookup, key)}` });
    if (unknown.length > 5) problems.push({ field: 'peers', message: `${unknown.length - 5} more names in your own list are not councils.` });
  }
  const theme = q.theme ?? 'all';
  if (!THEME_CHOICES.some(([v]) => v === theme)) problems.push({ field: 'theme', message: 'Choose a workshop theme from the list.' });
  const state: PickState = { council: local?.code ?? '', group, weights, theme, ...(peersText.trim() ? { peers: peersText } : {}) };
  const peers = peerKeys.map((k) => lookup.find(k)?.code ?? k);
  return {
    state,
    problems,
    status: notFound && problems.length === 1 ? 404 : 400,
    group: peers.length ? `custom:${peers.join(',')}` : group,
    weights: DIMENSIONS.map((d) => `${d}=${weights[d]}`).join(','),
  };
}
