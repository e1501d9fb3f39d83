// What the council already has near an option, and its own evidence naming the kind of break, on invented councils.
import { describe, expect, it } from 'vitest';
import type { CouncilFact } from '../domain/index.js';
import { syntheticOffer } from '../../test/support/synthetic-reference.js';
import { localEvidenceFor, nearbyOffers } from './option-local.js';

const night = syntheticOffer({ id: 'ex-night', name: 'Nights at Example House', type: 'overnight_residential_unit', time_slots: ['overnight'] });
const club = syntheticOffer({ id: 'ex-club', name: 'Saturday Splash Club', type: 'weekend_club', time_slots: ['weekend'] });
const sport = syntheticOffer({ id: 'ex-sport', name: 'Inclusive sport', type: 'sport_arts_leisure_inclusion', time_slots: [] });

describe('nearbyOffers', () => {
  it('names the same kind at other times first, then related kinds at the same time, and leaves the rest out', () => {
    expect(nearbyOffers('overnight_residential_unit', ['daytime'], [club, night]).map((n) => [n.name, n.relation, n.what])).toEqual([['Nights at Example House', 'same_kind_other_time', 'Overnight residential short break unit, overnight']]);
    expect(nearbyOffers('family_based_short_break', ['overnight'], [club, night]).map((n) => n.relation)).toEqual(['same_time_related_kind']);
    expect(nearbyOffers('family_based_short_break', ['daytime'], [club, night])).toEqual([]);
  });

  it('marks an offer of the same kind that states no times: it may already cover the cell', () => {
    // The weekend club is a related kind but at another time: not near a school-holiday option.
    expect(nearbyOffers('sport_arts_leisure_inclusion', ['school_holiday'], [club, sport]).map((n) => [n.name, n.relation])).toEqual([['Inclusive sport', 'same_kind_time_not_stated']]);
    expect(nearbyOffers('sport_arts_leisure_inclusion', ['weekend'], [club, sport]).map((n) => n.name)).toEqual(['Inclusive sport', 'Saturday Splash Club']);
  });
});

describe('localEvidenceFor', () => {
  const fact = (statement: string, topic = 'inspection'): CouncilFact => ({ ...syntheticOffer(), kind: 'council_fact', id: 'f1', topic, statement }) as unknown as CouncilFact;
  it('finds the kind of break in inspection sentences and published facts, never in "not found" notes', () => {
    const findings = [{ topic: 'direct_payments', polarity: 'weakness' as const, sentence: 'Families struggle to find direct payment personal assistants.', page: 3, report_url: 'https://example.test/r.pdf', citation: 'p. 3' }];
    expect(localEvidenceFor('direct_payment', 'Exampleshire', findings, [fact('Direct payments are offered.'), fact('Direct payment rates were not found.', 'not_found')]).map((e) => e.where)).toEqual(['area SEND inspection report, p. 3', 'published about Exampleshire']);
    expect(localEvidenceFor('family_based_short_break', 'Exampleshire', findings, [fact('There are too few foster carers for overnight breaks.')])).toHaveLength(1);
    expect(localEvidenceFor('holiday_play_scheme', 'Exampleshire', findings, [])).toEqual([]);
  });
});
