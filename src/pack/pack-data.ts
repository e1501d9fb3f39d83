// Everything a workshop option pack shows, assembled once from the scoring engine's compare and gaps results and
// the stored records: the cards, options, appraisal, sensitivity and sources every format then renders.
import type { CouncilFact, Offer } from '../domain/index.js';
import { invalid } from '../domain/errors.js';
import { compare, gaps, type CompareResult, type GapsResult, type ScoringModel } from '../scoring/compare.js';
import type { CellGap } from '../scoring/gaps.js';
import type { ScoringFinding, ScoringInspection } from '../scoring/scoring-data.js';
import { buildOptions, type PackOption } from './options.js';
import type { EvidenceCard } from './evidence-card.js';
export type { EvidenceCard } from './evidence-card.js';
import { collectSources, type PackExtras, type SourceRef } from './sources.js';
import { localFound, type LocalFound } from './local-found.js';
import { cellInTheme, parseTheme, type ThemeDef } from './themes.js';

export interface PackRequest {
  group?: string;
  weights?: string;
  theme?: string;
  samples?: number;
  seed?: number;
  /** Who families contact about the pack and send the easy read's response card to (a name, email or address). */
  contact?: string;
  /** The date the response cards are due back (YYYY-MM-DD). */
  return_by?: string;
}

/** How the easy read's response card comes back: null where the workshop lead has not said. */
export interface ResponseRoute {
  contact: string | null;
  return_by: string | null;
}


export interface PresetRanks {
  preset: string;
  label: string;
  ranks: Record<string, number | null>;
}

export interface PackData {
  theme: ThemeDef;
  compare: CompareResult;
  gaps: GapsResult;
  /** Gaps inside the theme, most-covered first. */
  theme_gaps: CellGap[];
  local_offers: Offer[];
  local_facts: CouncilFact[];
  /** What was found of the council's own offer: counts, sources, dates, and whether it is nothing or little. */
  found: LocalFound;
  response: ResponseRoute;
  inspection: ScoringInspection | null;
  findings: ScoringFinding[];
  cards: EvidenceCard[];
  options: PackOption[];
  shortlist: PackOption[];
  preset_ranks: PresetRanks[];
  sources: SourceRef[];
  /** Offers of every group member the scores rest on (the data annex lists them all). */
  group_offers: Offer[];
  database_built_at: string | null;
}


const SHORTLIST_MAX = 5;

/** The response card's route back from the request: a real calendar date and a contact of a sensible length. */
function responseRoute(req: PackRequest): ResponseRoute {
  const by = req.return_by?.trim() || null;
  const day = by ? new Date(`${by}T00:00:00Z`) : null;
  if (by && !(/^\d{4}-\d{2}-\d{2}$/.test(by) && !Number.isNaN(day!.getTime()) && day!.toISOString().startsWith(by)))
    throw invalid('return_by', `return_by: "${req.return_by}" is not a date (use YYYY-MM-DD)`);
  const contact = req.contact?.trim() || null;
  if (contact && contact.length > 300) throw invalid('contact', 'contact: at most 300 characters');
  return { contact, return_by: by };
}

/** Builds the pack's content. Pure given the model and the extras read from the store: same inputs, same pack. */
export function assemblePack(model: ScoringModel, code: string, req: PackRequest, extras: PackExtras): PackData {
  const theme: ThemeDef = parseTheme(req.theme);
  const response = responseRoute(req);
  const cmp: CompareResult = compare(model, code, { group: req.group, weights: req.weights, samples: req.samples, seed: req.seed });
  const gap: GapsResult = gaps(model, code, { group: req.group });
  const local = cmp.council;
  const names = new Map(model.data.councils.map((c) => [c.code, c.name]));
  const themeGaps = gap.analysis.gaps.filter((g) => cellInTheme(theme, g.type, g.slot));
  const offerById = new Map<string, Offer>();
  for (const c of cmp.group.members) for (const o of model.data.offers.get(c) ?? []) offerById.set(o.id, o);

  const topics = model.config.short_break_finding_topics;
  const findingsOf = (c: string) => (model.data.findings.get(c) ?? []).filter((f) => topics.includes(f.topic));
  const localOffers = model.data.offers.get(local.code) ?? [];
  const localFacts = model.data.facts.get(local.code) ?? [];
  const inspection = model.data.inspections.get(local.code) ?? null;

  const cardOffers = new Map<string, { offer: Offer; cells: string[] }>();
  for (const g of themeGaps)
    for (const e of g.exemplars) {
      const offer = offerById.get(e.offer_id);
      if (!offer) continue;
      const hit = cardOffers.get(offer.id) ?? { offer, cells: [] };
      hit.cells.push(g.cell);
      cardOffers.set(offer.id, hit);
    }

  const sources = collectSources({ local: local.code, names, localOffers, localFacts, inspection, cardOffers: [...cardOffers.values()].map((c) => c.offer), inspections: model.data.inspections, extras });
  const sourceByUrl = new Map(sources.map((s) => [s.url, s]));
  const cards: EvidenceCard[] = [...cardOffers.values()].map(({ offer, cells }, i) => ({
    id: `card-${i + 1}`,
    offer,
    council_name: names.get(offer.council_code) ?? offer.council_code,
    inspection: model.data.inspections.get(offer.council_code) ?? null,
    strengths: findingsOf(offer.council_code).filter((f) => f.polarity === 'strength').slice(0, 2),
    cells,
    source: sourceByUrl.get(offer.source.url)!,
  }));

  const findings = findingsOf(local.code);
  const options = buildOptions({ model, cmp, gap, theme, themeGaps, cards, localOffers, localFacts, findings });
  // An option the council's own offer may already cover (same kind, no times stated) is left to the room.
  const shortlist = options.filter((o) => o.peers.length > 0 && !o.maybe_covered).slice(0, SHORTLIST_MAX);

  const presetRanks: PresetRanks[] = Object.entries(model.config.weight_presets).map(([preset, p]) => {
    const r = compare(model, local.code, { group: req.group, weights: preset, samples: 0 });
    return { preset, label: p.label, ranks: Object.fromEntries(r.members.map((m) => [m.code, m.rank])) };
  });

  return {
    theme,
    compare: cmp,
    gaps: gap,
    theme_gaps: themeGaps,
    local_offers: localOffers,
    local_facts: localFacts,
    found: localFound(localOffers, localFacts, cmp.group.members.slice(1).map((c) => (model.data.offers.get(c) ?? []).length)),
    response,
    inspection,
    findings,
    cards,
    options,
    shortlist,
    preset_ranks: presetRanks,
    sources,
    group_offers: cmp.group.members.flatMap((c) => model.data.offers.get(c) ?? []),
    database_built_at: model.data.built_at,
  };
}

