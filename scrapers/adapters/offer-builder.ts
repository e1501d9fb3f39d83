// Turns what an adapter read (an offer draft) into an Offer record with its provenance and a stable id.
import { OfferSchema, safeHref, type Cost, type Offer } from '../../src/domain/index.js';
import type { AgeReading } from '../../src/text/age-fields.js';
import type { PageInput } from './adapter.js';
import { quoteOf, repairMojibakeDeep } from '../../src/text/clean-text.js';

/**
 * What an adapter read about one offer: the Offer's own fields under their own names, plus what the builder needs to
 * make the record (the platform's id, and the page the record came from when it is not the page parsed).
 */
export type OfferDraft = Pick<Offer, 'name'> &
  Partial<
    Pick<
      Offer,
      | 'description' | 'provider' | 'eligibility' | 'age_min' | 'age_max' | 'age_note' | 'allowances' | 'districts' | 'postcode' | 'schedule'
      | 'contact' | 'source_terms' | 'gates' | 'access_tier' | 'tier_label' | 'confidence' | 'published'
      | 'type' | 'statutory_categories' | 'time_slots'
    >
  > & {
    /** The platform's own id for the service (or a slug of the name when it has none): keeps ids stable across runs. */
    external_id: string;
    /** Status, charges and note; a status left out is 'charged' when there are charges, else 'unknown'. */
    cost?: Partial<Cost>;
    /** The words on the page that show this offer exists (quoted); defaults to the name and the start of the description. */
    evidence_quote?: string;
    /** The page the record came from when it differs from the page parsed (e.g. a detail URL named in a feed). */
    url?: string;
  };

/** Ages as read by a text parser, under the Offer's names. */
export const ageFields = (a: AgeReading): Pick<Offer, 'age_min' | 'age_max' | 'age_note'> => ({ age_min: a.min, age_max: a.max, age_note: a.note });

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

/** The contact details, without a web address that is not http(s) (never recorded); undefined when nothing is left. */
function contactOf(c: OfferDraft['contact']): Offer['contact'] {
  if (!c) return undefined;
  const { url, ...rest } = c;
  const kept = { ...rest, ...(safeHref(url) ? { url } : {}) };
  return Object.values(kept).some(Boolean) ? kept : undefined;
}

/**
 * Builds the Offer; ages outside 0-25 or reversed are dropped (and noted) rather than failing the record. Every text
 * in the draft, at any depth (names, provider, eligibility, gates, allowances, charges, contact, schedule, terms), has
 * its mojibake repaired here, whichever adapter read it and however; the platform's id is kept as given (ids stay stable).
 */
export function draftToOffer(draft: OfferDraft, page: PageInput, adapter: string): Offer {
  const d: OfferDraft = { ...repairMojibakeDeep(draft), external_id: draft.external_id };
  let ageMin = validAge(d.age_min);
  let ageMax = validAge(d.age_max);
  let ageNote = d.age_note;
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    ageNote = [ageNote, `published ages ${ageMin}-${ageMax} are reversed`].filter(Boolean).join('; ');
    ageMin = ageMax = undefined;
  }
  const charges = d.cost?.charges ?? [];
  const offer = {
    kind: 'offer' as const,
    id: offerId(adapter, page.source.council_code, d.external_id),
    council_code: page.source.council_code ?? '',
    name: clip(d.name.trim(), 300) ?? '(untitled)',
    description: clip(d.description, 5000),
    provider: clip(d.provider, 300),
    // Only a feed in our own vocabulary states these (our ORUK 3.0 feed read back); classification decides them otherwise.
    type: d.type ?? null,
    statutory_categories: d.statutory_categories ?? [],
    time_slots: d.time_slots ?? [],
    access_tier: d.access_tier ?? null,
    tier_label: d.tier_label,
    gates: d.gates ?? [],
    eligibility: clip(d.eligibility, 2000),
    age_min: ageMin,
    age_max: ageMax,
    age_note: ageNote,
    cost: { status: d.cost?.status ?? (charges.length ? 'charged' : 'unknown'), charges, note: clip(d.cost?.note, 1000) },
    allowances: d.allowances ?? [],
    districts: d.districts ?? [],
    postcode: d.postcode,
    schedule: clip(d.schedule, 1000),
    contact: contactOf(d.contact),
    source_terms: d.source_terms ?? [],
    origin: 'scraped' as const,
    // A detail URL that is not http(s) (javascript:, data:, mailto: ...) is never recorded: the page parsed is the source.
    source: { url: safeHref(d.url) ?? page.url, kind: page.source.kind, ...(page.source.platform ? { platform: page.source.platform } : {}) },
    evidence_quote: quoteOf(d.evidence_quote ?? [d.name, d.description].filter(Boolean).join(': ')) || d.name,
    published: d.published ?? null,
    retrieved: page.retrieved,
    confidence: d.confidence ?? 0.8,
  };
  if (!isLocalFile(offer.source.url)) return OfferSchema.parse(offer);
  // `sbb parse FILE` without --url: the source is the local file, printed and never stored (records stored are http(s) only).
  return { ...OfferSchema.parse({ ...offer, source: { ...offer.source, url: 'https://local.file.invalid/' } }), source: { ...offer.source } } as Offer;
}

/** A page read from a local file (`sbb parse FILE` without --url), never fetched from the web and never stored. */
export const isLocalFile = (url: string) => /^file:\/\//i.test(url);

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
      problems.push(`service ${d.external_id} ("${d.name}") not recorded: ${detail}`);
    }
  }
  return { records, problems };
}
