// The URIs of our own taxonomy's terms, as the Open Referral UK feed publishes them and our ORUK 3.0 adapter reads
// them back: urn:short-breaks-benchmark:taxonomy:{facet}:{code}. A URN, since the product has no public host whose
// URLs would last; the facets are those an offer is classified by.
import { TAXONOMY, type TaxonomyFacet } from './taxonomy.js';

export const TAXONOMY_URN = 'urn:short-breaks-benchmark:taxonomy';

/** The facets of an offer's classification, each with its field on the offer. */
export const OFFER_FACETS = ['types', 'statutory_categories', 'time_slots', 'access_tiers', 'gates'] as const satisfies readonly TaxonomyFacet[];
export type OfferFacet = (typeof OFFER_FACETS)[number];

export const taxonomyUri = (facet: OfferFacet): string => `${TAXONOMY_URN}:${facet}`;
export const termUri = (facet: OfferFacet, code: string): string => `${TAXONOMY_URN}:${facet}:${code}`;

/** The facet and code a term URI of ours names, when the taxonomy knows the code; undefined for any other URI. */
export function termOfUri(uri: string | undefined): { facet: OfferFacet; code: string } | undefined {
  const m = /^urn:short-breaks-benchmark:taxonomy:([a-z_]+):([a-z_]+)$/.exec(uri ?? '');
  const facet = OFFER_FACETS.find((f) => f === m?.[1]);
  return facet && TAXONOMY.has(facet, m![2]!) ? { facet, code: m![2]! } : undefined;
}
