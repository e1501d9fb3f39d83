// An offer's facts in plain words for cards, tables and the data annex; what a source does not state is said
// to be not stated, never filled in.
import { TAXONOMY, type Offer, type TaxonomyFacet } from '../domain/index.js';

const NOT_STATED = 'not stated';
const label = (facet: TaxonomyFacet, code: string) => TAXONOMY.label(facet, code) ?? code;

export const typeText = (o: Offer) => (o.type ? label('types', o.type) : 'type not known');

export function agesText(o: Offer): string {
  if (o.age_min === undefined && o.age_max === undefined) return o.age_note ?? NOT_STATED;
  if (o.age_min !== undefined && o.age_max !== undefined) return `${o.age_min} to ${o.age_max}`;
  return o.age_min !== undefined ? `from ${o.age_min}` : `up to ${o.age_max}`;
}

export function whoForText(o: Offer): string {
  const parts = [`ages ${agesText(o)}`];
  if (o.eligibility) parts.push(o.eligibility);
  return parts.join('; ');
}

export function tierText(o: Offer): string {
  if (!o.access_tier) return o.tier_label ? `${o.tier_label} (tier not mapped)` : NOT_STATED;
  const t = label('access_tiers', o.access_tier);
  return o.tier_label && o.tier_label !== t ? `${t} (the council calls it "${o.tier_label}")` : t;
}

export function howToGetText(o: Offer): string {
  const gates = o.gates.map((g) => label('gates', g));
  const tier = o.access_tier === 'universal' ? 'open to all, no referral' : o.access_tier === 'targeted' ? 'referral or registration, no assessment' : o.access_tier === 'specialist' ? 'after a social-care assessment' : null;
  const parts = [tier, gates.length ? `needs: ${gates.join('; ')}` : null].filter(Boolean) as string[];
  return parts.length ? parts.join('; ') : NOT_STATED;
}

export function costText(o: Offer): string {
  const allow = o.allowances.map((a) => {
    const range = a.min !== undefined && a.max !== undefined ? `${a.min}-${a.max}` : a.max !== undefined ? `up to ${a.max}` : `at least ${a.min}`;
    const unit = a.unit === 'gbp' ? `£${range}` : `${range} ${a.unit}`;
    return `allowance ${unit}${a.per === 'one_off' ? ' (one-off)' : ` a ${a.per}`}`;
  });
  const charges = o.cost.charges.map((c) => `£${c.amount_gbp.toFixed(2)} per ${c.per.replace('_', ' ')}${c.note ? ` (${c.note})` : ''}`);
  const head = o.cost.status === 'free' ? 'free to families' : o.cost.status === 'charged' ? (charges.length ? `charge: ${charges.join(', ')}` : 'a charge applies (amount not stated)') : 'cost to families not stated';
  return [head, ...allow, o.cost.note ?? null].filter(Boolean).join('; ');
}

export function timesText(o: Offer): string {
  const slots = o.time_slots.map((s) => label('time_slots', s).toLowerCase());
  const parts = [slots.length ? slots.join(', ') : null, o.schedule ?? null].filter(Boolean) as string[];
  return parts.length ? parts.join('; ') : NOT_STATED;
}

export const confidenceText = (c: number) => `${c >= 0.8 ? 'high' : c >= 0.5 ? 'medium' : 'low'} (${c.toFixed(2)})`;
