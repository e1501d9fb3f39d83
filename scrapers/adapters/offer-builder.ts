// Turns what an adapter read (an offer draft) into an Offer record with its provenance and a stable id.
import { OfferSchema, type Allowance, type Charge, type Offer } from '../../src/domain/index.js';
import type { PageInput } from './adapter.js';
import { quoteOf } from '../../src/text/html-text.js';

export interface OfferDraft {
  /** The platform's own id for the service (or a slug of the name when it has none): keeps ids stable across runs. */
  externalId: string;
  name: string;
  description?: string;
  provider?: string;
  eligibility?: string;
  ageMin?: number;
  ageMax?: number;
  ageNote?: string;
  costStatus?: 'free' | 'charged' | 'unknown';
  charges?: Charge[];
  costNote?: string;
  allowances?: Allowance[];
  districts?: string[];
  postcode?: string;
  schedule?: string;
  contact?: { phone?: string; email?: string; url?: string; address?: string };
  /** The platform's own categories (ORUK taxonomies, kb5 channels, Outpost send_needs), kept for classification. */
  sourceTerms?: string[];
  /** Already-decided taxonomy codes, only when the page states them unambiguously. */
  gates?: string[];
  accessTier?: string | null;
  tierLabel?: string;
  /** The words on the page that show this offer exists; defaults to the name and the start of the description. */
  evidence?: string;
  /** The page the record came from when it differs from the page parsed (e.g. a detail URL named in a feed). */
  url?: string;
  confidence?: number;
  published?: string | null;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9._:-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'x';

/** FNV-1a, 32 bits, as 7 base-36 characters: a short, stable tag for what a slug loses. */
function tag(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36).padStart(7, '0');
}

/**
 * A record id: adapter:council:external-id as a lower-case slug. Platform ids can be case-sensitive (kb5's
 * "D3n4HxtKPow"): lower-casing could merge two of them, so a tag of the original keeps them apart.
 */
export function offerId(adapter: string, council: string | null, externalId: string): string {
  const s = slug(externalId);
  const caseSensitive = externalId !== externalId.toLowerCase();
  return `${slug(adapter)}:${slug(council ?? 'any')}:${caseSensitive ? `${s.slice(0, 72)}-${tag(externalId)}` : s}`;
}

const clip = (s: string | undefined, max: number) => (s && s.length > max ? `${s.slice(0, max - 3)}...` : s || undefined);
const validAge = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n >= 0 && n <= 25 ? n : undefined);

/** Builds the Offer; ages outside 0-25 or reversed are dropped (and noted) rather than failing the record. */
export function draftToOffer(d: OfferDraft, page: PageInput, adapter: string): Offer {
  let ageMin = validAge(d.ageMin);
  let ageMax = validAge(d.ageMax);
  let ageNote = d.ageNote;
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    ageNote = [ageNote, `published ages ${ageMin}-${ageMax} are reversed`].filter(Boolean).join('; ');
    ageMin = ageMax = undefined;
  }
  const charges = d.charges ?? [];
  const offer = {
    kind: 'offer' as const,
    id: offerId(adapter, page.source.council_code, d.externalId),
    council_code: page.source.council_code ?? '',
    name: clip(d.name.trim(), 300) ?? '(untitled)',
    description: clip(d.description, 5000),
    provider: clip(d.provider, 300),
    type: null,
    statutory_categories: [],
    time_slots: [],
    access_tier: d.accessTier ?? null,
    tier_label: d.tierLabel,
    gates: d.gates ?? [],
    eligibility: clip(d.eligibility, 2000),
    age_min: ageMin,
    age_max: ageMax,
    age_note: ageNote,
    cost: { status: d.costStatus ?? (charges.length ? 'charged' : 'unknown'), charges, note: clip(d.costNote, 1000) },
    allowances: d.allowances ?? [],
    districts: d.districts ?? [],
    postcode: d.postcode,
    schedule: clip(d.schedule, 1000),
    contact: d.contact && Object.values(d.contact).some(Boolean) ? d.contact : undefined,
    source_terms: d.sourceTerms ?? [],
    origin: 'scraped' as const,
    source: { url: d.url ?? page.url, kind: page.source.kind as Offer['source']['kind'], ...(page.source.platform ? { platform: page.source.platform as NonNullable<Offer['source']['platform']> } : {}) },
    evidence_quote: quoteOf(d.evidence ?? [d.name, d.description].filter(Boolean).join(': ')) || d.name,
    published: d.published ?? null,
    retrieved: page.retrieved,
    confidence: d.confidence ?? 0.8,
  };
  return OfferSchema.parse(offer);
}

/** Builds every draft; a draft that still fails the schema becomes a problem naming it, never a crash or a silent drop. */
export function buildOffers(drafts: readonly OfferDraft[], page: PageInput, adapter: string): { records: Offer[]; problems: string[] } {
  const records: Offer[] = [];
  const problems: string[] = [];
  for (const d of drafts) {
    try {
      records.push(draftToOffer(d, page, adapter));
    } catch (e) {
      const issues = (e as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
      const detail = issues ? issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (e as Error).message;
      problems.push(`service ${d.externalId} ("${d.name}") not recorded: ${detail}`);
    }
  }
  return { records, problems };
}
