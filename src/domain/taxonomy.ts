// The short breaks taxonomy: its schema, lookups by code, and the shipped taxonomy (data/taxonomy/taxonomy.json), loaded
// and checked once here. The classifier, scoring, the store and the API all read this one object; JSON imports work in
// Node and in the Worker bundle alike.
import { z } from 'zod';
import taxonomyJson from '../../data/taxonomy/taxonomy.json' with { type: 'json' };

const Term = z.object({ code: z.string().regex(/^[a-z_]+$/), label: z.string().min(1) }).passthrough();

export const TaxonomySchema = z.object({
  version: z.string().min(1),
  description: z.string().optional(),
  statutory_categories: z.array(Term.extend({ reference: z.string().optional() })).min(1),
  types: z
    .array(Term.extend({ default_categories: z.array(z.string()), default_time_slots: z.array(z.string()) }))
    .min(1),
  time_slots: z.array(Term).min(1),
  access_tiers: z.array(Term.extend({ description: z.string().optional() })).min(1),
  tier_schemes: z.array(z.object({ council_name: z.string(), mapping: z.record(z.string(), z.string()) })),
  gates: z.array(Term).min(1),
  fact_topics: z.array(Term).min(1),
});
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** The facets of the taxonomy that offers and facts refer to by code. */
export const TAXONOMY_FACETS = [
  'statutory_categories',
  'types',
  'time_slots',
  'access_tiers',
  'gates',
  'fact_topics',
] as const;
export type TaxonomyFacet = (typeof TAXONOMY_FACETS)[number];

export interface TaxonomyIndex {
  version: string;
  has(facet: TaxonomyFacet, code: string): boolean;
  codes(facet: TaxonomyFacet): string[];
  label(facet: TaxonomyFacet, code: string): string | undefined;
  /** A facet's terms in taxonomy order, as the taxonomy gives them (types with their defaults). */
  terms<F extends TaxonomyFacet>(facet: F): Taxonomy[F];
  /** A type's default statutory categories and time slots; none for a code that is not a type. */
  defaultsOf(type: string): { categories: string[]; time_slots: string[] };
}

/** Validates the taxonomy (including that defaults and tier mappings point at known codes) and indexes it. */
export function indexTaxonomy(raw: unknown): TaxonomyIndex {
  const taxonomy = TaxonomySchema.parse(raw);
  const maps = new Map<TaxonomyFacet, Map<string, string>>();
  for (const facet of TAXONOMY_FACETS) {
    const terms = new Map<string, string>();
    for (const term of taxonomy[facet]) {
      if (terms.has(term.code)) throw new Error(`taxonomy: duplicate code "${term.code}" in ${facet}`);
      terms.set(term.code, term.label);
    }
    maps.set(facet, terms);
  }
  const index: TaxonomyIndex = {
    version: taxonomy.version,
    has: (facet, code) => maps.get(facet)!.has(code),
    codes: (facet) => [...maps.get(facet)!.keys()],
    label: (facet, code) => maps.get(facet)!.get(code),
    terms: (facet) => taxonomy[facet],
    defaultsOf: (type) => {
      const t = taxonomy.types.find((x) => x.code === type);
      return { categories: t?.default_categories ?? [], time_slots: t?.default_time_slots ?? [] };
    },
  };
  for (const type of taxonomy.types) {
    for (const c of type.default_categories)
      if (!index.has('statutory_categories', c)) throw new Error(`taxonomy: type ${type.code} names unknown category ${c}`);
    for (const s of type.default_time_slots)
      if (!index.has('time_slots', s)) throw new Error(`taxonomy: type ${type.code} names unknown time slot ${s}`);
  }
  for (const scheme of taxonomy.tier_schemes)
    for (const [label, tier] of Object.entries(scheme.mapping))
      if (!index.has('access_tiers', tier))
        throw new Error(`taxonomy: tier scheme ${scheme.council_name} maps "${label}" to unknown tier ${tier}`);
  return index;
}

/** The shipped taxonomy, validated and indexed once. */
export const TAXONOMY: TaxonomyIndex = indexTaxonomy(taxonomyJson);
