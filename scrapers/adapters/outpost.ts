// Outpost (FutureGov/TPXimpact) service directory API, e.g. Buckinghamshire FIS: full services in paged lists, SEND local offer answers.
import { htmlToText } from '../../src/text/html-text.js';
import { unique } from '../../src/text/lists.js';
import type { OfferDraft } from './offer-builder.js';
import { dateOf, field, obj, objs, feedAdapter, serviceIdentity, str, text, type JsonObject, type ServiceRead, type ServiceReader } from './oruk-common.js';
import { agesOf, costOf, placesOf, whereAndWhen, type AgeFields } from './oruk-fields.js';

/** Outpost's age bands, used only when min_age/max_age are both absent. */
const AGE_BANDS: Array<[string, number, number | undefined]> = [
  ['age_band_under_2', 0, 1],
  ['age_band_2', 2, 2],
  ['age_band_3_4', 3, 4],
  ['age_band_5_7', 5, 7],
  ['age_band_8_plus', 8, undefined],
];

function agesOfOutpost(s: JsonObject, issues: string[]): AgeFields {
  const ages = agesOf(s.min_age, s.max_age, issues, ['min_age', 'max_age']);
  if (ages.age_min !== undefined || ages.age_max !== undefined || ages.age_note || s.age_band_all === true) return ages;
  const bands = AGE_BANDS.filter(([key]) => s[key] === true);
  if (!bands.length) return ages;
  const open = bands.some(([, , max]) => max === undefined);
  return { age_min: Math.min(...bands.map(([, min]) => min)), age_max: open ? undefined : Math.max(...bands.map(([, , max]) => max!)) };
}

/** The description, then the SEND local offer: its description and each answered survey question as "Question: answer". */
function descriptionOf(s: JsonObject): string | undefined {
  const own = htmlToText(str(s.description));
  const offer = obj(s.local_offer);
  const answers = objs(offer?.survey_answers).flatMap((qa) => {
    const q = text(qa.question);
    const a = text(qa.answer);
    return q && a ? [`${q}: ${a}`] : [];
  });
  const send = [text(offer?.description), ...answers].filter(Boolean);
  const parts = [own, send.length ? `SEND local offer:\n${send.join('\n')}` : ''].filter(Boolean);
  return parts.join('\n') || undefined;
}

const names = (v: JsonObject[]) => v.map((t) => text(t.name));

/** One Outpost service (list items are full services) as a draft plus what is wrong with it. */
export function readOutpostService(s: JsonObject, index: number, fromList: boolean): ServiceRead {
  const { id, name, label, issues } = serviceIdentity(s, index);
  const externalId = id ?? name;
  if (!externalId) return { label, issues: [...issues, 'not recorded: neither an id nor a name'] };

  const description = descriptionOf(s);
  const places = placesOf(objs(s.locations).map((loc) => ({ name: text(loc.name), address: loc })));
  const cost = costOf(objs(s.cost_options), text(s.fees), description);
  const status = s.free === true ? 'free' : s.free === false && cost.status !== 'free' ? 'charged' : cost.status;
  const referral = s.needs_referral === true ? 'Needs a referral' : s.needs_referral === false ? 'No referral needed' : undefined;
  const draft: OfferDraft = {
    external_id: externalId,
    name: name ?? '',
    description,
    provider: text(obj(field(s, 'organisation', 'organization'))?.name),
    eligibility: referral,
    ...agesOfOutpost(s, issues),
    cost: { ...cost, status },
    ...whereAndWhen(s, places, objs(s.regular_schedules), issues),
    source_terms: unique([...names(objs(s.taxonomies)), ...names(objs(s.send_needs)), ...names(objs(s.suitabilities))]),
    published: dateOf(s.updated_at) ?? null,
    confidence: fromList ? 0.75 : 0.8,
  };
  return { label, id, draft, issues };
}

/** Outpost lists carry the full services, so list pages do not link to each service. */
const reader: ServiceReader = { adapter: 'outpost', read: readOutpostService, followDetails: false };

export const outpostAdapter = feedAdapter(reader);
