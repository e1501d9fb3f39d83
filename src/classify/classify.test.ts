// Table-driven tests of the offer classifier, on phrasings councils and directories publish, and of its rules file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexTaxonomy } from '../domain/taxonomy.js';
import { classifyOffer, type ClassifierInput } from './classify.js';
import { loadClassifierRules } from './classify-rules.js';

const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const taxonomyJson = readJson('../../data/taxonomy/taxonomy.json');
const rulesJson = readJson('../../data/taxonomy/classifier-rules.json');
const taxonomy = indexTaxonomy(taxonomyJson);
const rules = loadClassifierRules(rulesJson, taxonomy);
const KB5_TERMS = ['localofferchannel=2_8', 'SEND Local Offer', 'Short breaks and leisure activities'];

const offer = (o: Partial<ClassifierInput> & { name: string }): ClassifierInput => ({ source_terms: [], ...o });
const classify = (o: Partial<ClassifierInput> & { name: string }) => classifyOffer(offer(o), rules, taxonomy);

describe('classifyOffer: type', () => {
  it.each<[string, Partial<ClassifierInput> & { name: string }]>([
    ['holiday_play_scheme', { name: 'Holiday play schemes' }],
    ['holiday_play_scheme', { name: 'Summer Splash holiday scheme', description: 'Summer Splash is a holiday play scheme for disabled children, with swimming and arts and crafts.', source_terms: ['Holiday schemes', '5 to 11 years'] }],
    ['holiday_play_scheme', { name: 'School summer holiday clubs' }],
    ['holiday_play_scheme', { name: 'Mocktown SEND holiday activities', description: 'Holiday activities for children and young people with SEND: sports, arts, cooking and trips.', schedule: 'Easter and summer holidays, Monday to Friday' }],
    ['weekend_club', { name: 'Sparkle Saturday Club', description: 'A fun, safe club for disabled children aged 8 to 18. Activities include arts and crafts, music and trips out.', schedule: 'Term time only; Saturday 10:00-15:00', source_terms: KB5_TERMS }],
    ['weekend_club', { name: 'Weekend clubs (term time)' }],
    ['after_school_club', { name: 'Mocktown Inclusive After School Club', description: 'An after-school club with play, crafts and sport. Transport from school can be arranged.', source_terms: ['Short breaks', 'After-school clubs'] }],
    ['youth_club', { name: 'Friday Night Youth Club', description: 'An inclusive youth club for young people aged 11 to 25. Games, music, a tuck shop and a quiet room.', source_terms: [...KB5_TERMS, 'Youth clubs'] }],
    ['youth_club', { name: 'Youth clubs' }],
    ['sport_arts_leisure_inclusion', { name: 'Sports, arts and music' }],
    ['sport_arts_leisure_inclusion', { name: 'Splash Sensory Swim', description: 'Quiet swimming sessions with a warm pool and sensory lighting.', source_terms: KB5_TERMS }],
    ['sport_arts_leisure_inclusion', { name: 'Wheels for All Cycling Sessions', description: 'Adapted bikes, trikes and hand cycles on a traffic-free track.' }],
    ['sport_arts_leisure_inclusion', { name: 'Activity clubs', eligibility: 'Disabled children who find it difficult to attend mainstream activities.' }],
    ['sport_arts_leisure_inclusion', { name: 'Universal services', description: 'Youth clubs, after-school, uniformed groups, leisure centres, nurseries, childminders.' }],
    ['youth_club', { name: '1st Chesham Scout Group', description: 'Scouting for boys and girls: camping, climbing and making friends.', source_terms: ['Things to do', 'Clubs and groups'] }],
    ['buddy_befriending', { name: 'Community buddy scheme' }],
    ['buddy_befriending', { name: 'Samplebury Befriending Service', description: 'Matches young people aged 11 to 25 with a trained volunteer befriender.', source_terms: ['Sitting and befriending'] }],
    ['community_activity_grant', { name: 'Membership Award' }],
    ['community_activity_grant', { name: 'Leisure card', description: 'A leisure card gives free or reduced-price entry to leisure centres for the child and a carer.' }],
    ['home_based_care', { name: 'Home Sitting Service', description: 'Trained sitters look after your disabled child in your own home for up to four hours at a time.', source_terms: [...KB5_TERMS, 'Home-based short breaks'] }],
    ['home_based_care', { name: 'Domiciliary care' }],
    ['home_based_care', { name: 'Support in the home', eligibility: 'Social worker assessment.' }],
    ['home_based_care', { name: 'Family Link sitting service', description: 'Family Link sitters look after your disabled child in your own home for a few hours, so you can have a break.' }],
    ['family_based_short_break', { name: 'Family link scheme' }],
    ['family_based_short_break', { name: 'Approved short break carer' }],
    ['family_based_short_break', { name: 'Family Link Carers', description: 'Approved carers who look after your child in their own home for a day or overnight.' }],
    ['overnight_residential_unit', { name: 'Aut Even overnight unit', description: 'Overnight short break unit, reopening 29 May 2016.' }],
    ['overnight_residential_unit', { name: 'Maple House Overnight Short Breaks', description: 'Overnight stays in a six-bed residential short breaks unit. Access through a social care assessment.' }],
    ['residential_trip', { name: 'AU Holiday Lodges' }],
    ['residential_trip', { name: 'Caravans, beach huts and tickets' }],
    ['direct_payment', { name: 'Direct payments (Kent Card)', description: 'Direct payments paid onto the "Kent Card" (prepaid DP card).' }],
    ['direct_payment', { name: 'Short Breaks Personal Budgets (SBPB)', description: 'Cash personal budget for short breaks.' }],
    ['direct_payment', { name: 'Short Breaks Direct Payments', description: 'Money from the council so that you can arrange your own short breaks.', source_terms: KB5_TERMS }],
    ['short_break_grant', { name: 'Short Break Grant', description: 'The Short Break Grant gives families up to £400 per family per year to spend on short breaks of their choice.' }],
    ['transport_inclusion_support', { name: 'Inclusion funding', description: 'Funding to remove barriers: staff training, resources, accessible transport.' }],
    ['transport_inclusion_support', { name: 'Support at mainstream leisure' }],
    ['transport_inclusion_support', { name: 'Outreach' }],
    ['home_based_care', { name: '1:1 support (personal assistant)' }],
    ['home_based_care', { name: 'Packages of care hours', eligibility: 'Via social care assessment (higher needs).' }],
    ['overnight_residential_unit', { name: 'Overnight short breaks', eligibility: 'Via social care assessment.' }],
  ])('%s <- %j', (type, input) => {
    const c = classify(input);
    expect(c.type.value).toBe(type);
    expect(c.type.confidence).toBeGreaterThanOrEqual(rules.threshold);
    expect(c.type.evidence.some((e) => e.code === type && e.phrase.length > 0 && e.weight! > 0)).toBe(true);
  });

  it('records each match with its field, phrase and weight', () => {
    const c = classify({ name: 'Exampleton Holiday Play Scheme', description: 'Our holiday play scheme runs in the Easter and summer holidays.' });
    expect(c.type.evidence).toContainEqual({ field: 'name', phrase: 'Holiday Play Scheme', weight: 6, code: 'holiday_play_scheme' });
    expect(c.type.evidence).toContainEqual({ field: 'description', phrase: 'holiday play scheme', weight: 3, code: 'holiday_play_scheme' });
  });

  it('leaves a record with nothing to go on unknown', () => {
    for (const input of [{ name: '(untitled)' }, { name: 'Little Stars Toy Library', description: 'Borrow sensory toys and specialist play equipment.' }]) {
      const c = classify(input);
      expect(c.type.value).toBeNull();
      expect(c.type.confidence).toBeLessThan(rules.threshold);
      expect(c.access_tier.value).toBeNull();
      expect(c.statutory_categories.value).toBeNull();
      expect(c.ages.value).toBeNull();
      expect(c.cost_status.value).toBeNull();
    }
  });

  it('keeps the evidence of a near miss when two types tie', () => {
    const c = classify({ name: 'Direct payments and short break grants' });
    expect(c.type.value).toBeNull();
    expect(c.type.confidence).toBeLessThan(rules.threshold);
    expect(c.type.evidence.map((e) => e.code)).toEqual(expect.arrayContaining(['direct_payment', 'short_break_grant']));
  });

  it('takes the first kind a name lists, and a description listing several kinds as the broad leisure type', () => {
    expect(classify({ name: 'After-school and Saturday clubs', description: 'Clubs run in term time after school and on Saturdays.' }).type.value).toBe('after_school_club');
    expect(classify({ name: 'Group activities (youth club, Saturday group)' }).type.value).toBe('youth_club');
    const bundle = classify({ name: 'Short Break Local Offer (SBLO)', description: 'Holiday and Saturday clubs, after-school clubs, buddying and playschemes.' });
    expect(bundle.type.value).toBe('sport_arts_leisure_inclusion');
    expect(bundle.type.evidence[0]!.phrase).toMatch(/one of \d kinds of activity/);
    // A name that says what it is keeps its type, whatever else its description lists.
    expect(classify({ name: 'Sparkle Saturday Club', description: 'Arts and crafts, sport, music and trips out.' }).type.value).toBe('weekend_club');
  });

  it('leaves services that are not short breaks unknown, with no categories', () => {
    for (const input of [
      { name: 'Acorn Montessori School', description: 'Private nursery school with outdoor play.', source_terms: ['Things to do', 'Childcare and Early Years'] },
      { name: 'ABRSM Piano, Keyboard and Organ Lessons', description: 'Music lessons in the comfort of your own home with a friendly tutor.', source_terms: ['Things to do', 'Dance, drama and music'] },
      { name: 'Community Counselling', description: 'Counselling services provided by trained professionals.' },
    ]) {
      const c = classify(input);
      expect(c.type.value).toBeNull();
      expect(c.type.evidence[0]!.code).toBe('not_a_short_break');
      expect(c.statutory_categories.value).toBeNull();
    }
  });
});

describe('classifyOffer: access tier', () => {
  it.each<[string, Partial<ClassifierInput> & { name: string }]>([
    ['targeted', { name: 'Break-time', tier_label: 'Break-time', eligibility: 'Learning difficulty or physical/sensory difficulty; lives in Lancashire; no assessment.' }],
    ['specialist', { name: 'Day-time short breaks', tier_label: 'Day-time', eligibility: 'Only if need identified by a social care assessment.' }],
    ['specialist', { name: 'SBLO Plus', tier_label: 'SBLO Plus' }],
    ['targeted', { name: 'Activities Extra', tier_label: 'Activities Extra' }],
    ['universal', { name: 'Universal services', tier_label: 'Level 1' }],
    ['targeted', { name: 'Targeted support via Early Help', tier_label: 'Level 2', eligibility: 'Additional low-level needs; Early Help referral.' }],
    ['universal', { name: '"small" support pathway', tier_label: 'small' }],
    ['specialist', { name: '"lots of" support pathway', tier_label: 'lots of' }],
    ['specialist', { name: '"exceptional" support pathway', tier_label: 'exceptional' }],
    ['targeted', { name: 'Additional services', tier_label: 'additional' }],
    ['targeted', { name: 'Specialist playschemes for moderate/complex needs', tier_label: 'Gateway Card', eligibility: 'Gateway Card / Gateway Card+ (free) needed: disability or additional needs with evidence (GP, SENCo, DLA/PIP award, EHCP).' }],
    ['targeted', { name: 'Saturday clubs', eligibility: 'Saturday clubs are for children with an EHC plan or who get the middle or higher rate of DLA. You can self-refer.' }],
    ['targeted', { name: 'Samplebury Saturday Club', eligibility: 'Children and young people with a disability who live in Samplebury. You do not need a social care assessment to join.' }],
    ['specialist', { name: 'Elm House overnight short breaks', eligibility: 'Children with a disability who have had a short breaks assessment from the Children with Disabilities Team.' }],
    ['specialist', { name: 'Overnight short breaks', eligibility: 'Overnight short breaks at Oak House need an assessment by a social worker.' }],
    ['universal', { name: 'Holiday play schemes', description: 'They are open to all children and there is no referral.' }],
    ['targeted', { name: 'Short breaks personal budget', eligibility: 'Automatic entitlement via self-assessment if the child has high-rate DLA (care) or enhanced-rate PIP.' }],
  ])('%s <- %j', (tier, input) => {
    const c = classify(input);
    expect(c.access_tier.value).toBe(tier);
    expect(c.access_tier.evidence.length).toBeGreaterThan(0);
  });

  it('lets a social-care assessment outrank a card or benefit gate', () => {
    const c = classify({ name: 'Short breaks', eligibility: 'Children with an EHC plan can be referred for a social care assessment by the Children with Disabilities Team.' });
    expect(c.gates.value).toEqual(['ehc_plan', 'social_care_assessment']);
    expect(c.access_tier.value).toBe('specialist');
    expect(c.access_tier.evidence.some((e) => e.code === 'targeted' && /gate/.test(e.phrase))).toBe(false);
  });
});

describe('classifyOffer: access tier from gates', () => {
  it('reads gates from a quote, but does not take a tier from them (a quote may describe other tiers)', () => {
    const c = classify({ name: 'Early help / targeted universal support', evidence_quote: 'Up to 100 hours support before a social work assessment' });
    expect(c.gates.value).toEqual(['early_help_referral', 'social_care_assessment']);
    expect(c.access_tier.evidence.some((e) => /gate social_care_assessment/.test(e.phrase))).toBe(false);
  });
});

describe('classifyOffer: categories, time slots and gates', () => {
  it("adds the chosen type's default categories and time slots, with the type as evidence", () => {
    const c = classify({ name: 'Holiday play schemes' });
    expect(c.statutory_categories.value).toEqual(['educational_leisure', 'carer_support_out_of_hours']);
    expect(c.time_slots.value).toEqual(['school_holiday']);
    expect(c.statutory_categories.evidence).toContainEqual(expect.objectContaining({ field: 'type', phrase: 'holiday_play_scheme default' }));
  });

  it('reads overnight care from the words even when the type is unknown', () => {
    const c = classify({ name: 'Overnights', eligibility: 'Social care assessment.' });
    expect(c.statutory_categories.value).toContain('overnight_care');
    expect(c.time_slots.value).toContain('overnight');
  });

  it('does not read overnight care from "not overnight"', () => {
    const c = classify({ name: 'Grant-funded SEND leisure', description: 'Social, leisure and play activities lasting 30 minutes to a full day (not overnight).' });
    expect(c.statutory_categories.value ?? []).not.toContain('overnight_care');
  });

  it('finds gates with their cues in eligibility, description, name and evidence quote', () => {
    const c = classify({
      name: 'Targeted short breaks',
      eligibility: 'Children who live in Exampleshire can use targeted short breaks if they have an Exampleshire Short Breaks Card, have an EHC plan, or get the middle or higher rate of DLA or any rate of PIP.',
    });
    expect(c.gates.value).toEqual(expect.arrayContaining(['registration_card', 'ehc_plan', 'benefit_dla', 'benefit_pip', 'residence']));
    expect(c.gates.evidence).toContainEqual({ field: 'eligibility', phrase: 'EHC plan', code: 'ehc_plan' });
  });
});

describe('classifyOffer: numbers and cost', () => {
  it('reads a curated-style record: Lancashire Break-time', () => {
    const c = classify({
      name: 'Break-time',
      tier_label: 'Break-time',
      description: 'Activities at community venues, no assessment.',
      cost_note: 'plus activity/entrance costs; 2020 proposal figures',
      age_note: 'from start of academic year child turns 5 to end of academic year they turn 18',
      evidence_quote: 'Break-time: min 10 h, max 50 h of activities a year; families can buy extra hours; parental contribution £2 per hour per activity',
    });
    expect(c.access_tier.value).toBe('targeted');
    expect(c.ages.value).toEqual({ min: 4, max: 18 });
    expect(c.ages.evidence[0]!.field).toBe('age_note');
    expect(c.allowances.value).toEqual([expect.objectContaining({ min: 10, max: 50, unit: 'hours', per: 'year' })]);
    expect(c.charges.value).toEqual([expect.objectContaining({ amount_gbp: 2, per: 'hour' })]);
    expect(c.charges.evidence[0]).toMatchObject({ field: 'evidence_quote' });
    expect(c.cost_status.value).toBe('charged');
  });

  it('reads a statement-style record: overnight short breaks, nights a year, free', () => {
    const c = classify({
      name: 'Overnight short breaks',
      tier_label: 'Specialist short breaks',
      description: 'Children can stay overnight at Willow Lodge (a residential unit) or with an approved short break carer. Families can have up to 36 nights a year. Overnight short breaks are free of charge to families.',
      cost_note: 'Overnight short breaks are free of charge to families.',
      age_note: 'aged 0 to 18',
    });
    expect(c.access_tier.value).toBe('specialist');
    expect(c.statutory_categories.value).toContain('overnight_care');
    expect(c.allowances.value).toEqual([expect.objectContaining({ max: 36, unit: 'nights', per: 'year' })]);
    expect(c.cost_status).toMatchObject({ value: 'free', evidence: [{ field: 'cost_note' }] });
    expect(c.ages.value).toEqual({ min: 0, max: 18 });
  });

  it.each<[string, Partial<ClassifierInput> & { name: string }, { min?: number; max?: number }]>([
    ['a birthday in the same clause', { name: 'x', age_note: 'Ages 0–18 (up to 18th birthday)' }, { min: 0, max: 17 }],
    ['a bare range in the age note', { name: 'x', age_note: '0–18, SEND, live in Leeds' }, { min: 0, max: 18 }],
    ['a range after other words in the age note', { name: 'x', age_note: 'Activities open to 0–25 with additional needs' }, { min: 0, max: 25 }],
    ['a range as published above 25', { name: 'x', age_note: 'published ages 12 to 100' }, { min: 12, max: 100 }],
    ['weeks as age 0', { name: 'x', description: 'Caring for children aged six weeks to five years.' }, { min: 0, max: 5 }],
    ['"year olds and upwards"', { name: 'x', description: 'These are for 13 year olds and upwards who have disabilities.' }, { min: 13 }],
    ['a stated range before a birthday in another clause', { name: 'x', age_note: 'ages 4–19 for the summer schemes; eligibility runs from reception to 19th birthday' }, { min: 4, max: 19 }],
  ])('reads ages: %s', (_what, input, ages) => {
    expect(classify(input).ages.value).toEqual(ages);
  });

  it('prefers the more specific field: age_note over description, cost_note over description', () => {
    const c = classify({ name: 'Club', description: 'For children aged 8 to 18. Sessions are £3 per session.', age_note: 'aged 5 to 17', cost_note: '£2 per hour' });
    expect(c.ages).toMatchObject({ value: { min: 5, max: 17 }, evidence: [{ field: 'age_note', phrase: 'aged 5 to 17' }] });
    expect(c.charges.value).toEqual([expect.objectContaining({ amount_gbp: 2, per: 'hour' })]);
    expect(c.charges.evidence).toEqual([{ field: 'cost_note', phrase: '£2 per hour' }]);
  });

  it('calls a price charged even when some places are free, and does not take a direct-payment rate for a charge', () => {
    expect(classify({ name: 'Holiday play scheme', cost_note: '£25 per day; free places for children with a short breaks assessment' }).cost_status.value).toBe('charged');
    const dp = classify({ name: 'Direct payments', description: 'Direct payments are paid at £13 per hour.' });
    expect(dp.charges.value).toBeNull();
    expect(dp.cost_status.value).toBeNull();
  });
});

describe('classifyOffer: determinism', () => {
  it('gives the same output for the same input, also with freshly loaded rules', () => {
    const input = offer({ name: 'Sparkle Saturday Club', description: 'A club for disabled children aged 8 to 18 with arts, music and trips.', cost_note: '£2 per hour', schedule: 'Saturday 10:00-15:00', source_terms: KB5_TERMS });
    const first = classifyOffer(input, rules, taxonomy);
    expect(classifyOffer(input, rules, taxonomy)).toEqual(first);
    const again = loadClassifierRules(structuredClone(rulesJson), indexTaxonomy(structuredClone(taxonomyJson)));
    expect(JSON.stringify(classifyOffer(structuredClone(input), again, taxonomy))).toBe(JSON.stringify(first));
    expect(first.rules_version).toBe(rules.version);
  });
});

describe('loadClassifierRules', () => {
  type Table = Record<string, unknown>;
  interface Raw {
    types: Table;
    access_tiers: Table;
    statutory_categories: Table;
    time_slots: Table;
    gate_tiers: Table;
    field_weights: Table;
    type_defaults?: unknown;
    threshold?: number;
  }
  const withRules = (patch: (r: Raw) => void) => {
    const r = structuredClone(rulesJson) as unknown as Raw;
    patch(r);
    return () => loadClassifierRules(r, taxonomy);
  };

  it('loads the shipped rules, written for the current taxonomy', () => {
    expect(rules.taxonomy_version).toBe(taxonomy.version);
    expect(Object.keys(rules.types).sort()).toEqual([...taxonomy.codes('types')].sort());
  });

  it('names only codes the taxonomy has, and copies nothing from it (codes, labels and type defaults come from taxonomy.json)', () => {
    const named: ReadonlyArray<readonly [Parameters<typeof taxonomy.has>[0], string]> = [
      ...Object.keys(rules.types).map((c) => ['types', c] as const),
      ...Object.keys(rules.access_tiers).map((c) => ['access_tiers', c] as const),
      ...Object.keys(rules.statutory_categories).map((c) => ['statutory_categories', c] as const),
      ...Object.keys(rules.time_slots).map((c) => ['time_slots', c] as const),
      ...Object.entries(rules.gate_tiers).flatMap(([gate, { tier }]) => [['gates', gate] as const, ['access_tiers', tier] as const]),
      ...Object.entries(rules.type_tiers).flatMap(([type, { tier }]) => [['types', type] as const, ['access_tiers', tier] as const]),
      ...(rules.bundle ? [rules.bundle.code, ...rules.bundle.members].map((c) => ['types', c] as const) : []),
    ];
    expect(named.filter(([facet, code]) => !taxonomy.has(facet, code))).toEqual([]);
    expect(Object.keys(rulesJson)).not.toContain('type_defaults');
  });

  it.each<[string, (r: Raw) => void, RegExp]>([
    ['an unknown type code', (r) => (r.types.play_centre = [{ pattern: 'play centre', weight: 2 }]), /types names unknown types code "play_centre"/],
    ['an unknown tier code', (r) => (r.access_tiers.premium = [{ pattern: 'premium', weight: 1 }]), /unknown access_tiers code "premium"/],
    ['an unknown category code', (r) => (r.statutory_categories.respite = []), /unknown statutory_categories code "respite"/],
    ['an unknown time slot', (r) => (r.time_slots.evening = []), /unknown time_slots code "evening"/],
    ['an unknown gate', (r) => (r.gate_tiers.blue_badge = { tier: 'targeted', weight: 1 }), /gate_tiers names unknown gates code "blue_badge"/],
    ['a gate mapped to an unknown tier', (r) => (r.gate_tiers.ehc_plan = { tier: 'tier_2', weight: 1 }), /gate_tiers\.ehc_plan names unknown access_tiers code "tier_2"/],
    ['a copy of the type defaults (they come from the taxonomy)', (r) => (r.type_defaults = { youth_club: { default_categories: ['youth_work'], default_time_slots: [] } }), /type_defaults/],
    ['an invalid regular expression', (r) => (r.types.youth_club = [{ pattern: 'youth (club', weight: 2 }]), /types\.youth_club\.0\.pattern: not a valid regular expression/],
    ['a missing threshold', (r) => delete r.threshold, /threshold/],
    ['an unknown field', (r) => (r.field_weights.title = 2), /field_weights/],
    ['another taxonomy version', (r) => Object.assign(r, { taxonomy_version: '2020.1.1' }), /written for taxonomy 2020\.1\.1/],
  ])('rejects %s, naming it', (_what, patch, message) => {
    expect(withRules(patch)).toThrow(message);
  });
});
