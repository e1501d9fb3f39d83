// Comparator groups: statistical neighbours, region, council type, positive inspection, or a custom list.
// A group is data: an id, a name, a version (the dataset it comes from) and the reason it was chosen.
import { councilNames, type ScoringCouncil, type ScoringData } from './scoring-data.js';
import { invalid } from '../domain/errors.js';
import { councilLookup, type CouncilLookup } from '../domain/council-lookup.js';

export const GROUP_KINDS = ['sn2025', 'sn2021', 'region', 'type', 'positive-inspection', 'custom'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface GroupSpec {
  kind: GroupKind;
  /** For custom groups: the councils as given (GSS codes, LA numbers or names). */
  codes?: string[];
}

export interface ComparatorGroup {
  id: string;
  kind: GroupKind;
  name: string;
  version: string;
  reason: string;
  /** The local council first, then its comparators (neighbours in rank order; others by name). */
  members: string[];
  /** Codes named in a custom list or a neighbour list that are not councils in the data. */
  missing: string[];
}


const CODE = /^(E\d{8}|\d{3})$/i;
/** A council's name as a custom list may give it: letters first, then letters, spaces, dots, hyphens, apostrophes or "&". */
const NAME = /^\p{L}[\p{L} .&'’-]{1,79}$/u;

/** Reads "sn2025", "region", "custom:E10000017,888,Cumbria" and so on. Unknown kinds and empty custom lists are errors. */
export function parseGroup(text: string | undefined): GroupSpec {
  const t = (text ?? 'sn2025').trim();
  if (t.startsWith('custom:')) {
    const codes = t
      .slice('custom:'.length)
      .split(',')
      .map((c) => (CODE.test(c.trim()) ? c.trim().toUpperCase() : c.trim()))
      .filter(Boolean);
    if (!codes.length) throw invalid('group', 'group: custom needs at least one council code, e.g. custom:E10000017,E10000019');
    if (codes.length > 200) throw invalid('group', 'group: a custom list may name at most 200 councils');
    const bad = codes.filter((c) => !CODE.test(c) && !NAME.test(c));
    if (bad.length) throw invalid('group', `group: "${bad[0]}" is not a GSS code (E10000017), an LA number (888) or a council's name`);
    return { kind: 'custom', codes: [...new Set(codes)] };
  }
  if (!(GROUP_KINDS as readonly string[]).includes(t) || t === 'custom')
    throw invalid('group', `group: unknown group "${t}" (use ${GROUP_KINDS.filter((k) => k !== 'custom').join(', ')} or custom:CODE,CODE)`);
  return { kind: t as GroupKind };
}

const TYPE_NAMES: Record<string, string> = {
  county: 'county councils',
  unitary: 'unitary authorities',
  metropolitan_district: 'metropolitan districts',
  london_borough: 'London boroughs',
};

const dataset = (data: ScoringData, id: string) => {
  const d = data.datasets.get(id);
  return d ? `${id}@${d.data_date}` : id;
};

/** The group for a local council; `lookup` finds the councils a custom list names. */
export function resolveGroup(spec: GroupSpec, local: ScoringCouncil, data: ScoringData, lookup: CouncilLookup<ScoringCouncil>): ComparatorGroup {
  const names = councilNames(data);
  const byName = (a: string, b: string) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b);
  const others = (codes: string[]) => codes.filter((c) => c !== local.code);
  switch (spec.kind) {
    case 'sn2025':
    case 'sn2021': {
      const model = spec.kind === 'sn2025' ? '2025' : '2021';
      const codes = data.neighbours[model].get(local.code) ?? [];
      return {
        id: spec.kind,
        kind: spec.kind,
        name: `DfE statistical neighbours (${model} model)`,
        version: dataset(data, `dfe_sn_${model}`),
        reason: `The ${codes.length} councils the DfE ${model} children's services model finds most similar to ${local.name} (10 per council), in rank order.`,
        members: [local.code, ...others(codes)],
        missing: [],
      };
    }
    case 'region': {
      const codes = data.councils.filter((c) => c.region_code === local.region_code).map((c) => c.code).sort(byName);
      return {
        id: 'region',
        kind: 'region',
        name: `Councils in ${local.region_name}`,
        version: dataset(data, 'dfe_la_list'),
        reason: `Every council in the same region as ${local.name} (${local.region_name}).`,
        members: [local.code, ...others(codes)],
        missing: [],
      };
    }
    case 'type': {
      const codes = data.councils.filter((c) => c.type === local.type).map((c) => c.code).sort(byName);
      return {
        id: 'type',
        kind: 'type',
        name: `All ${TYPE_NAMES[local.type] ?? local.type}`,
        version: dataset(data, 'dfe_la_list'),
        reason: `Every council of the same type as ${local.name} (${TYPE_NAMES[local.type] ?? local.type}).`,
        members: [local.code, ...others(codes)],
        missing: [],
      };
    }
    case 'positive-inspection': {
      const codes = data.councils.filter((c) => data.inspections.get(c.code)?.outcome_code === 1).map((c) => c.code).sort(byName);
      return {
        id: 'positive-inspection',
        kind: 'positive-inspection',
        name: 'Councils whose latest area SEND inspection was typically positive',
        version: dataset(data, 'ofsted_area_send_2023'),
        reason: 'Councils whose latest area SEND inspection (2023 framework) found "typically positive experiences and outcomes": peers to learn from, as an officer choosing exemplars would.',
        members: [local.code, ...others(codes)],
        missing: [],
      };
    }
    case 'custom': {
      const found: string[] = [];
      const missing: string[] = [];
      for (const key of spec.codes ?? []) {
        const c = lookup.find(key);
        if (c) found.push(c.code);
        else missing.push(key);
      }
      // A list naming a council the data does not hold fails, naming it (with near misses): a comparison quietly
      // made without it would read as the one asked for.
      if (missing.length) {
        const first = missing[0]!;
        let detail = `no council with code "${first}"`;
        try {
          lookup.resolve(first, 'group');
        } catch (e) {
          detail = (e as Error).message;
        }
        throw invalid('group', `group: ${missing.length === 1 ? '' : `${missing.length} of the councils listed are not known (${missing.map((k) => `"${k}"`).join(', ')}); `}${detail}`);
      }
      const codes = [...new Set(others(found))];
      return {
        id: `custom:${[...codes].sort().join(',')}`,
        kind: 'custom',
        name: 'Custom comparator list',
        version: 'custom',
        reason: `Councils chosen by the user (${codes.length}).`,
        members: [local.code, ...codes],
        missing,
      };
    }
  }
}

/** The one council lookup over the scored councils, with the previous codes and other names the data holds. */
export function scoringCouncilLookup(data: ScoringData): CouncilLookup<ScoringCouncil> {
  return councilLookup(data.councils, (c) => ({ ...c, ...data.aliases?.get(c.code) }));
}
