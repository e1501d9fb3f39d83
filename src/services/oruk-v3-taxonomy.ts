// Our short breaks taxonomy as Open Referral UK 3.0 taxonomies and taxonomy terms. No published vocabulary
// (LGA/esd service types, needs or circumstances) has terms we can cite for these, so the taxonomy is published as our
// own: each facet a taxonomy, each code a term, with term URIs under the product's own URN namespace.
import { TAXONOMY, type TaxonomyFacet } from '../domain/taxonomy.js';
import { taxonomyUri, termUri, TAXONOMY_URN } from '../domain/taxonomy-uri.js';
import { orukId } from './oruk-v3-ids.js';

/** The facets of an offer that become ORUK taxonomies, with what each says about a service (the attribute's link_type). */
export const ORUK_FACETS = [
  { facet: 'types', name: 'Short break offer types', link_type: 'service_type', about: 'the kind of short break an offer is', each: 'A type of short break offer' },
  { facet: 'statutory_categories', name: 'Statutory range of short breaks', link_type: 'statutory_category', about: 'the range of short breaks a council must provide (Breaks for Carers of Disabled Children Regulations 2011, SI 2011/707, reg. 4)', each: 'A part of the statutory range' },
  { facet: 'time_slots', name: 'Short break time slots', link_type: 'time_slot', about: 'when a short break runs', each: 'A time when short breaks run' },
  { facet: 'access_tiers', name: 'Short break access tiers', link_type: 'access_tier', about: 'how a family gets a short break: open to all, by referral or card, or after a social-care assessment', each: 'An access tier' },
  { facet: 'gates', name: 'Short break eligibility gates', link_type: 'eligibility', about: 'what a family must show or have to get a short break', each: 'Something a family must show or have to get a short break' },
] as const satisfies ReadonlyArray<{ facet: TaxonomyFacet; name: string; link_type: string; about: string; each: string }>;

export type OrukFacet = (typeof ORUK_FACETS)[number]['facet'];

export { TAXONOMY_URN };

export interface OrukTaxonomy {
  id: string;
  name: string;
  description: string;
  uri: string;
  version: string;
}

export interface OrukTerm {
  id: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term_uri: string;
  term: string;
}

const facetOf = (facet: OrukFacet) => ORUK_FACETS.find((f) => f.facet === facet)!;

function taxonomyOf(f: (typeof ORUK_FACETS)[number]): OrukTaxonomy {
  return {
    id: orukId('taxonomy', f.facet),
    name: f.name,
    description: `The short-breaks-benchmark taxonomy's ${f.facet.replace(/_/g, ' ')}: ${f.about}. Our own vocabulary (version ${TAXONOMY.version}), not mapped to a published one.`,
    uri: taxonomyUri(f.facet),
    version: TAXONOMY.version,
  };
}

/** A term's description: the taxonomy's own (access tiers), or its reference (statutory categories), else its facet. */
function termDescription(facet: OrukFacet, code: string, label: string): string {
  const term = (TAXONOMY.terms(facet) as ReadonlyArray<{ code: string; description?: string; reference?: string }>).find((t) => t.code === code);
  if (term?.description) return `${label}: ${term.description}`;
  if (term?.reference) return `${label} (${term.reference}).`;
  return `${label}: ${facetOf(facet).each.toLowerCase()}.`;
}

/** The ORUK term for one of our codes; undefined for a code the taxonomy does not know. */
export function termOf(facet: OrukFacet, code: string): OrukTerm | undefined {
  const label = TAXONOMY.label(facet, code);
  if (label === undefined) return undefined;
  const f = facetOf(facet);
  return {
    id: orukId('taxonomy_term', `${facet}:${code}`),
    name: label,
    description: termDescription(facet, code, label),
    taxonomy: f.name,
    taxonomy_id: orukId('taxonomy', facet),
    term_uri: termUri(facet, code),
    term: code,
  };
}

/** Every taxonomy, in the order above. */
export const ORUK_TAXONOMIES: readonly OrukTaxonomy[] = ORUK_FACETS.map(taxonomyOf);

/** Every term, taxonomy by taxonomy, each in the taxonomy's own order. */
export const ORUK_TERMS: ReadonlyArray<OrukTerm & { facet: OrukFacet }> = ORUK_FACETS.flatMap(({ facet }) =>
  TAXONOMY.codes(facet).map((code) => ({ ...termOf(facet, code)!, facet })),
);

const taxonomyById = new Map(ORUK_FACETS.map((f, i) => [ORUK_TAXONOMIES[i]!.id, f.facet]));
const termById = new Map(ORUK_TERMS.map((t) => [t.id, t]));

/** The facet a taxonomy UUID names, if any. */
export const facetOfTaxonomyId = (id: string): OrukFacet | undefined => taxonomyById.get(id);
/** The facet and code a term UUID names, if any. */
export const codeOfTermId = (id: string): { facet: OrukFacet; code: string } | undefined => {
  const t = termById.get(id);
  return t && { facet: t.facet, code: t.term };
};
/** A term without our bookkeeping (its facet). */
export const publicTerm = ({ facet: _facet, ...term }: OrukTerm & { facet?: OrukFacet }): OrukTerm => term;
