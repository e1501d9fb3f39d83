// The structures councils publish, read from synthetic statement pages (invented councils, phrasings as real pages use them).
import { describe, expect, it } from 'vitest';
import type { PageOutput } from './adapter.js';
import { facts, named, names, offers, read } from '../../test/support/statement-pages.js';

describe('lists of provision: each listed service is an offer with what the page says of it', () => {
  it('reads age bands before and after a name, and the page-wide eligibility, onto every item', async () => {
    const out = await read(`<h1>Short Breaks</h1>
      <h2>What is a short break?</h2><p>Families can apply if the child or young person has a diagnosed disability.</p>
      <p>Short Breaks can:</p><ul><li>Allow you time to recharge your batteries</li><li>Give you a break from caring</li></ul>
      <h2>What sort of short break can I apply for?</h2>
      <p>Depending on your child's age, here are some of the choices for you:</p>
      <ul><li>Age 0 -8 Day-care with a day nursery or childminders</li><li>Ages 8 – 18 : Riverside Multi Sports</li>
      <li>Overnight stays at Hazel Avenue for ages 5 to 18</li><li>Fostering - overnight provision provided by the Fostering Service</li></ul>`);
    expect(names(out)).toEqual(['Day-care with a day nursery or childminders', 'Riverside Multi Sports', 'Overnight stays at Hazel Avenue', 'Fostering']);
    expect(facts(named(out, 'Riverside Multi Sports'))).toMatchObject({ gates: ['diagnosis_evidence'], age_min: 8, age_max: 18 });
    expect(facts(named(out, 'Day-care with a day nursery or childminders'))).toMatchObject({ age_min: 0, age_max: 8 });
    expect(facts(named(out, 'Fostering'))).toMatchObject({ gates: ['diagnosis_evidence'], age_min: null });
  });

  it('under tier headings: items take the tier, the section assessment, and universal ones nothing page-wide', async () => {
    const out = await read(`<h1>Short break categories</h1>
      <p>Short breaks are for children who live in Exampleshire and are aged 0 to 17.</p>
      <h2>Universal</h2><p>Available to all children and young people in the local area with or without SEND.</p>
      <h2>Targeted</h2><p>Specific activities for children and young people with SEND, there may be some eligibility criteria.</p>
      <ul><li>Holiday activity provisions</li><li>Brightwater Autism Society</li><li>Pathways Youth Group</li></ul>
      <h2>Specialist</h2><p>For children who need more support than targeted services give.</p>
      <ul><li>Personal Assistants</li><li>Overnight short breaks</li><li>A support package in the home</li></ul>
      <p>An assessment of need will be carried out to determine the right support at the right time.</p>`);
    expect(names(out)).toEqual(['Universal', 'Holiday activity provisions', 'Brightwater Autism Society', 'Pathways Youth Group', 'Personal Assistants', 'Overnight short breaks', 'A support package in the home']);
    expect(facts(named(out, 'Universal'))).toEqual({ gates: [], age_min: null, age_max: null, tier: 'universal' });
    expect(facts(named(out, 'Brightwater Autism Society'))).toEqual({ gates: ['residence'], age_min: 0, age_max: 17, tier: 'targeted' });
    expect(facts(named(out, 'Personal Assistants'))).toEqual({ gates: ['social_care_assessment', 'residence'], age_min: 0, age_max: 17, tier: 'specialist' });
  });

  it('reads services listed inside a sentence ("they may include X, Y and Z")', async () => {
    const out = await read(`<h1>Types of settings</h1>
      <h3>Specialist</h3><p>Specialist services are provided by the council and require assessment by Children's Social Care. They may include Oakfield short break unit, short break foster carers, home care and agency support and community childminders.</p>`);
    expect(names(out)).toEqual(['Oakfield short break unit', 'short break foster carers', 'home care and agency support', 'community childminders']);
    for (const o of offers(out)) expect(facts(o)).toMatchObject({ gates: ['social_care_assessment'], tier: 'specialist' });
  });

  it('the paragraph between two lists leads into the second: its assessment is not the first list\'s', async () => {
    const out = await read(`<h1>Short breaks for disabled children</h1><h2>What type of break?</h2>
      <p>We offer a variety of breaks, and a range of services and support packages which help to facilitate breaks. These include:</p>
      <ul><li>Friendship groups.</li><li>Sitting service.</li><li>Accredited volunteer training.</li></ul>
      <p>Where needs are significant, a full social care assessment will be undertaken. These may include a stay in one of the following settings:</p>
      <ul><li>Larch Drive.</li><li>Partner families.</li><li>Any other commissioned services or overnight stays.</li></ul>`);
    expect(names(out)).toEqual(['Friendship groups', 'Sitting service', 'Larch Drive', 'Partner families']);
    expect(named(out, 'Friendship groups').gates).toEqual([]);
    expect(facts(named(out, 'Larch Drive'))).toMatchObject({ gates: ['social_care_assessment'], tier: 'specialist' });
  });
});

describe('lists that are not provision give no offers', () => {
  it('eligibility, definitions, conditions, benefits and one offer\'s activities stay facts of the page', async () => {
    const out = await read(`<h1>Targeted short breaks</h1>
      <p>Targeted short breaks is a service that gives children access to 76 hours of free activities across the year. Activities offered can include:</p>
      <ul><li>visits and trips</li><li>crafts</li><li>baking</li><li>games</li></ul>
      <h2>What are short breaks?</h2><p>Short Breaks are:</p><ul><li>an opportunity to take part in fun activities</li><li>a break for parents and carers from care giving</li></ul>
      <h2>Eligibility</h2><p>Eligibility is linked to the child:</p><ul><li>living in Exampleshire</li><li>being aged 0 to 25</li></ul>
      <p>And any one of the following:</p><ul><li>having an Education, Health and Care Plan (EHCP)</li><li>attending a Special School</li><li>receiving Disability Living Allowance (DLA)</li></ul>`);
    expect(names(out)).toEqual(['Targeted short breaks']);
    expect(named(out, 'Targeted short breaks')).toMatchObject({ gates: ['residence', 'ehc_plan', 'benefit_dla'], age_min: 0, age_max: 25 });
  });
});

describe('which headings and sentences name offers', () => {
  it('the page\'s subject is no offer beside named ones, unless it says what is given', async () => {
    const out = await read(`<h1>Short breaks for children and young people</h1><p>Short breaks are activities for disabled children.</p>
      <h2>Short breaks offer</h2><p>The short breaks offer is 110 hours a year to be used at one of our contracted providers.</p>
      <h2>The range of short breaks available</h2><p>The following short breaks services are available:</p>
      <ul><li>holiday play schemes</li><li>specialist weekend clubs</li></ul>`);
    expect(names(out)).toEqual(['Short breaks offer', 'holiday play schemes', 'specialist weekend clubs']);
  });

  it('a heading made of the council\'s name and filler is the subject too; a lone subject stays the offer', async () => {
    const both = await read(`<h1>Exampleshire short breaks offer</h1><p>Children use different types of short breaks.</p>
      <h2>Universal provision</h2><p>Available to all children and young people.</p>`);
    expect(names(both)).toEqual(['Universal provision']);
    const alone = await read(`<h1>Short breaks for disabled children</h1><p>Activities for children aged 0-18 who live in Exampleshire, at a charge similar to other activities.</p>`);
    expect(names(alone)).toEqual(['Short breaks for disabled children']);
  });

  it('names a provider that is a sentence\'s subject and the house of an overnight stay', async () => {
    const out = await read(`<h1>Short breaks</h1>
      <p>Not all short breaks require a social care assessment.</p>
      <p>Riverside Life Opportunities (RiLO) provide a range of after school, weekend and holiday short breaks on behalf of the council.</p>
      <p>Some overnight breaks are taken at Elm House following a social care or health assessment of need.</p>
      <h2>Overnight short breaks</h2><p>Overnight short breaks are given at Birch House after a social care assessment.</p>`);
    expect(names(out)).toEqual(['Overnight short breaks', 'Riverside Life Opportunities', 'Elm House']);
    expect(named(out, 'Riverside Life Opportunities').gates).toEqual([]);
    expect(facts(named(out, 'Elm House'))).toMatchObject({ gates: ['social_care_assessment'] });
  });

  it('a summary list of levels adds nothing beside the levels\' own headings', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>Our offer is provided via 3 different levels of support:</p>
      <ul><li>Level 1 - Universal Services</li><li>Level 2 - Self-Referral Clubs</li><li>Level 3 – Specialist Short Breaks (dependent on assessed need)</li></ul>
      <h2>Level 1 - Universal Services</h2><p>Local low cost or free services open to all.</p>
      <h2>Self-Referral Clubs</h2><p>Our clubs are for children aged 5-18; families refer themselves without the need for a referral or a diagnosis.</p>`);
    expect(names(out)).toEqual(['Level 3 – Specialist Short Breaks', 'Level 1 - Universal Services', 'Self-Referral Clubs']);
    expect(named(out, 'Self-Referral Clubs').gates).toEqual([]);
  });

  it('age bands that meet are one span ("aged 2-5 ... aged 5-18")', async () => {
    const out = await read(`<h1>Short breaks</h1><h2>The Short Breaks Basic Offer</h2>
      <p>For children aged 2-5 years old the basic offer is 1.5 hours per week.</p><p>For children aged 5-18 years old the basic offer is 3 hours per week.</p>`);
    expect(named(out, 'The Short Breaks Basic Offer')).toMatchObject({ age_min: 2, age_max: 18 });
  });

  it('paragraphs led by a bold label after a lead are named services, each with its own ages', async () => {
    const out = await read(`<h1>Targeted Short Breaks</h1><h2>Changes to Targeted Short Breaks in Exampleshire</h2>
      <p>We are pleased to announce that the following providers will deliver activities from 1st April:</p>
      <p><strong>Sport Fun:</strong> Sport Fun will deliver sport clubs after school for children and young people aged 5-18.</p>
      <p><strong>Endorphinos:</strong> Endorphinos will deliver holiday play schemes for children and young people aged 8-19.</p>`);
    expect(names(out)).toEqual(['Sport Fun', 'Endorphinos']);
    expect(facts(named(out, 'Endorphinos'))).toMatchObject({ age_min: 8, age_max: 19 });
  });

  it('reads the ways breaks are given ("by: giving you direct payments ...; referring you to X or the Y Club")', async () => {
    const out = await read(`<h1>Targeted short breaks for families of disabled children</h1><p>Targeted short breaks give families a break from caring.</p>
      <h2>Who can get targeted short breaks</h2><p>Your child must:</p><ul><li>be under 18 years old</li><li>live in the borough</li></ul>
      <h2>What you will get</h2><p>If you are eligible, we can help you get 100 hours of short breaks every year by:</p>
      <ul><li>giving you direct payments that you can use to arrange support</li><li>arranging help at home so you are able to take a short break</li>
      <li>referring you to Riverside Youth Centre or the Saturday Club.</li></ul>`);
    expect(names(out)).toEqual(['Targeted short breaks for families of disabled children', 'direct payments', 'help at home', 'Riverside Youth Centre', 'the Saturday Club']);
    expect(facts(named(out, 'help at home'))).toMatchObject({ gates: ['residence'], age_max: 17 });
  });

  it('a page that heads its one offer twice has one offer, and a section on who is not served sets no gate', async () => {
    const out = await read(`<h1>Targeted short breaks</h1><p>Learn about targeted short breaks.</p>
      <h2>Targeted short breaks</h2><p>Targeted short break activities are for children aged 0 to 25 who live in Exampleshire. Sessions are £5 per hour.</p>
      <h2>Children under 5</h2><p>We do not provide short breaks to children under 5. A professional can request a social work assessment for the family.</p>`);
    expect(names(out)).toEqual(['Targeted short breaks']);
    expect(facts(named(out, 'Targeted short breaks')).gates).toEqual(['residence']);
  });

  it('names houses listed by sentence inside a named offer, and the assessment its section asks for', async () => {
    const out = await read(`<h1>Specialist Short Breaks (Overnight)</h1><p>Families have a break while the child stays in a residential setting.</p>
      <p>There are three residential provisions for overnight short breaks in Exampleshire:</p>
      <ul><li>Elm Park House is a 4-bed facility run by the council. It is for children with learning disabilities.</li>
      <li>The Willows is run by the NHS, for children with complex medical needs.</li><li>Ashdown House is run by the NHS.</li></ul>
      <h2>Accessing Specialist Short Breaks</h2><p>An assessment of need is required. This is through a child and family assessment, undertaken by a social worker.</p>`);
    expect(names(out)).toEqual(['Elm Park House', 'The Willows', 'Ashdown House']);
  });

  it('a scheme named "Application Scheme" is an offer; kinds of break listed in a sentence keep "at weekends" with their item', async () => {
    const scheme = await read(`<h1>Short Break Application Scheme</h1><p>Families complete a short application form and provide a letter from a professional who knows the child. Age range 0 - 18 years.</p>`);
    expect(names(scheme)).toEqual(['Short Break Application Scheme']);
    expect(named(scheme, 'Short Break Application Scheme').gates).toEqual(['professional_letter']);
    const kinds = await read(`<h1>Who can access Short Breaks?</h1>
      <p>Short Breaks Services can include care in the homes of children with disabilities or elsewhere, educational or leisure activities outside their homes, or services to assist carers in the evenings, at weekends and during the school holidays.</p>
      <p>Families living in the borough who have a child with a disability aged between 0 – 18 are potentially eligible.</p>`);
    expect(names(kinds)).toEqual(['care in the homes of children with disabilities or elsewhere', 'educational or leisure activities outside their homes', 'services to assist carers in the evenings, at weekends, during the school holidays']);
    expect(facts(named(kinds, 'educational or leisure activities outside their homes'))).toMatchObject({ gates: ['residence'], age_min: 0, age_max: 18 });
  });
});

describe('what each listed service inherits (issue 15, item 1: rules written from the read halves, gated by held_out_7)', () => {
  it('a list over universal and gated breaks alike takes no tier and no gate from the page title or its lead', async () => {
    const out = await read(`<h1>Short breaks</h1><p>A short break can take place in your home or in the community.</p>
      <p>Support can be available in evenings and at weekends based on assessed needs.</p>
      <p>Short breaks can be universal, targeted or specialist and activities can include:</p>
      <ul><li>day-time care in the homes of children with disabilities or elsewhere</li><li>play schemes that are age or theme specific</li></ul>
      <h2>Accessing universal short breaks</h2><p>You can contact our Early Help Hub to find out more.</p>`);
    expect(names(out)).toEqual(['day-time care in the homes of children with disabilities or elsewhere', 'play schemes that are age or theme specific']);
    expect(facts(named(out, 'play schemes that are age or theme specific'))).toMatchObject({ gates: [], tier: null });
  });

  it('must not drop what a list of one tier inherits: a lead naming one tier keeps its gates', async () => {
    const out = await read(`<h1>Short breaks in Exampleshire</h1><p>Short breaks give families a rest.</p>
      <h2>Specialist</h2><p>Support is based on assessed needs. Specialist short breaks include:</p>
      <ul><li>Overnight short breaks</li><li>Home sitting</li></ul>`);
    expect(facts(named(out, 'Home sitting'))).toMatchObject({ gates: ['social_care_assessment'], tier: 'specialist' });
  });
});

describe('the assessment a specialist offer asks for (issue 15, item 1)', () => {
  it('reads "you will need an assessment" in a specialist section as its social care assessment', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks give families a rest. Examples include clubs.</p>
      <h2>Specialist short breaks</h2><p>Some families need specialist short breaks. For these you will need an assessment of your child's needs.</p>`);
    expect(facts(named(out, 'Specialist short breaks'))).toMatchObject({ gates: ['social_care_assessment'], tier: 'specialist' });
  });

  it('must not read a hedged assessment ("some services will usually require"), or one in a targeted section, as that gate', async () => {
    const hedged = await read(`<h1>Short breaks</h1><p>Short breaks give families a rest.</p>
      <h2>Specialist services</h2><p>Specialist services give breaks to children with complex needs. Some services will usually require an assessment by the team.</p>`);
    expect(facts(named(hedged, 'Specialist services')).gates).toEqual([]);
    const targeted = await read(`<h1>Short breaks</h1><p>Short breaks give families a rest.</p>
      <h2>Targeted short breaks</h2><p>Targeted short breaks are clubs for disabled children. You will need an assessment from the club's own staff.</p>`);
    expect(facts(named(targeted, 'Targeted short breaks')).gates).toEqual([]);
  });
});

describe('page-wide ages (issue 15, item 1)', () => {
  it('a range of adults in a referral sentence ("For young people aged between 18-25, referrals ...") reaches no offer', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks give families a rest.</p>
      <h2>Community Short Breaks</h2><p>Support for children aged between 1-18, at home and in the community.</p>
      <h2>Overnight Short Breaks</h2><p>For children of all ages. Overnight short breaks are provided by Brightcare.</p>
      <h2>How to access Short Breaks</h2><p>For young people aged between 18-25, referrals should be made via customer services.</p>`);
    expect(facts(named(out, 'Overnight Short Breaks'))).toMatchObject({ age_min: null, age_max: null });
    expect(facts(named(out, 'Community Short Breaks'))).toMatchObject({ age_min: 1, age_max: 18 });
  });

  it('must not drop a page-wide range of children ("For children aged 5 to 17 ...")', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks give families a rest.</p>
      <h2>Holiday clubs</h2><p>Clubs run in every school holiday.</p>
      <h2>How to access Short Breaks</h2><p>For children aged 5 to 17, referrals should be made via customer services.</p>`);
    expect(facts(named(out, 'Holiday clubs'))).toMatchObject({ age_min: 5, age_max: 17 });
  });
});

describe('funded childcare is no short break (issue 15, item 1)', () => {
  it('a section on free nursery or childminding hours gives no offer', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks are for children aged 5 to 17 who live in Exampleshire.</p>
      <h2>Holiday play schemes</h2><p>Play schemes run in every school holiday.</p>
      <h2>Under 5's provision</h2><p>Depending on the age of your child, you may be eligible for 15 free hours nursery or childminding, which can be used for respite at a children's centre.</p>`);
    expect(names(out)).toEqual(['Holiday play schemes']);
  });

  it('must not drop a break that gives free hours of its own, or a childminding short break', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks are for children aged 5 to 17 who live in Exampleshire.</p>
      <h2>Holiday clubs</h2><p>Each child can have 30 free hours of holiday club sessions a year.</p>
      <h2>Childminding short breaks</h2><p>Approved childminders give short breaks to disabled children; this is not the free early education entitlement.</p>`);
    expect(names(out)).toEqual(['Holiday clubs', 'Childminding short breaks']);
  });
});

describe('a targeted offer takes no assessment from the offer above it (issue 15, item 1)', () => {
  it('the title section asking families to seek a social care assessment gives it to the specialist offer, not the targeted one', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>Most needs are met by universal services. Families are encouraged to ask for a social care assessment if their circumstances change.</p>
      <h2>Targeted provision</h2><p>If needs cannot be met by the universal offer, hubs give play sessions and group activities for disabled children.</p>
      <h2>Specialist Short Breaks offer</h2><p>A specialist offer for children whose needs cannot be met by the targeted offer.</p>`);
    expect(facts(named(out, 'Targeted provision')).gates).toEqual([]);
    expect(facts(named(out, 'Specialist Short Breaks offer')).gates).toEqual(['social_care_assessment']);
  });

  it('must not drop other gates the targeted offer inherits (residence)', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>Short breaks are for children who live in Exampleshire. Families can ask for a social care assessment.</p>
      <h2>Targeted provision</h2><p>If needs cannot be met by the universal offer, hubs give play sessions and group activities for disabled children.</p>`);
    expect(facts(named(out, 'Targeted provision')).gates).toEqual(['residence']);
  });
});

describe('an offer named in a sentence by "called" (issue 15, item 1)', () => {
  it('"an offer ... called Universal Support Offer" is an offer, with the tier its name gives and nothing it does not ask', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>Families can ask for a social care assessment if their circumstances change.</p>
      <p>We have an offer that is available to any disabled child, called Universal Support Offer.</p>
      <h2>Specialist Short Breaks</h2><p>For children whose needs cannot be met by universal services.</p>`);
    expect(names(out)).toContain('Universal Support Offer');
    expect(facts(named(out, 'Universal Support Offer'))).toMatchObject({ gates: [], tier: 'universal' });
  });

  it('must not name an offer from a team, a document or a one-word tier "called" so', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>Short breaks are for children who live in Exampleshire.</p>
      <p>Short breaks are arranged by a service known as the Disabled Children's Team. Short breaks are set out in a document called the Short Breaks Statement.</p>
      <p>Hubs give support and services called Targeted provision in the form of play sessions.</p>
      <h2>Holiday clubs</h2><p>Clubs run in every school holiday.</p>`);
    expect(names(out)).toEqual(['Holiday clubs']);
  });
});

describe('a tier\'s gate stated outside its section (issue 15, item 1)', () => {
  it('"An assessment of need is required to access specialist short breaks" gives the specialist tier its gate', async () => {
    const out = await read(`<h1>Types of Short Breaks</h1><h2>Universal</h2><p>Support available to everyone through universal settings.</p>
      <h2>Specialist</h2><p>Specialist short breaks are for children with needs that cannot be met by other short breaks.</p>
      <h2>To request an assessment, please contact</h2><ul><li>Your local Family Hub</li><li>The children's services front door</li></ul>
      <p>An assessment of need is required to access specialist short breaks.</p>`);
    expect(facts(named(out, 'Specialist')).gates).toEqual(['social_care_assessment']);
    expect(facts(named(out, 'Universal')).gates).toEqual([]);
  });

  it('must not give a gate from a sentence naming two tiers, or to the universal tier', async () => {
    const out = await read(`<h1>Types of Short Breaks</h1><h2>Universal</h2><p>Support available to everyone through universal settings.</p>
      <h2>Targeted</h2><p>Clubs for children with SEND.</p><h2>Specialist</h2><p>For children with complex needs.</p>
      <h2>Access</h2><p>Some targeted and specialist short breaks follow a social care assessment. Universal short breaks for children who live in Exampleshire need no referral.</p>`);
    expect(facts(named(out, 'Targeted')).gates).toEqual([]);
    expect(facts(named(out, 'Universal')).gates).toEqual([]);
  });
});

describe('a budget\'s uses on a page that heads no offer (issue 15, item 1)', () => {
  it('"could, depending on the child\'s allocated budget, be used for:" gives the budget as the page\'s one offer', async () => {
    const out = await read(`<h1>What are short breaks?</h1><p>Short breaks give children the chance to take part in activities.</p>
      <p>Short breaks could, depending on the child's allocated budget, be used for:</p>
      <ul><li>Holiday play schemes</li><li>Sports, arts or music activities</li></ul>`);
    expect(names(out)).toEqual(['Allocated budget']);
  });

  it('must not add a budget beside offers the page heads', async () => {
    const out = await read(`<h1>Short breaks</h1><h2>Direct payments</h2><p>Direct payments give families money to arrange support.</p>
      <p>Your personal budget can be used for:</p><ul><li>Holiday play schemes</li><li>A personal assistant</li></ul>`);
    expect(names(out)).toEqual(['Direct payments']);
  });
});

describe('a hedged age range is no limit (issue 15, item 1)', () => {
  it('"Short breaks are mostly focused on children aged 0 to 18" gives the listed services no ages', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks are mostly focused on children and young people aged 0 to 18. However, you will find things older young people can do.</p>
      <h2>What short break services are there?</h2><p>These include:</p><ul><li>Riverside Arts</li><li>Peer to peer mentoring</li><li>Overnight Short Breaks</li></ul>`);
    expect(facts(named(out, 'Riverside Arts'))).toMatchObject({ age_min: null, age_max: null });
  });

  it('must not drop a stated range ("Short breaks are for children aged 0 to 18")', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks are for children and young people aged 0 to 18.</p>
      <h2>What short break services are there?</h2><p>These include:</p><ul><li>Riverside Arts</li><li>Peer to peer mentoring</li><li>Overnight Short Breaks</li></ul>`);
    expect(facts(named(out, 'Riverside Arts'))).toMatchObject({ age_min: 0, age_max: 18 });
  });
});

describe('council facts in plain words (issue 15, item 1)', () => {
  const topics = (out: PageOutput) => out.records.filter((r) => r.kind === 'council_fact').map((r) => (r as { topic: string }).topic).sort();
  it('"Short break support is for children ... who ..." is eligibility; "We would like your views" on proposed changes is a consultation', async () => {
    const out = await read(`<h1>Short breaks and respite</h1><p>Exampleshire are proposing some changes to how they offer short breaks. We would like your views about short breaks.</p>
      <h2>Who are short breaks for?</h2><p>Short break support is for those children and young people with disabilities who cannot do many of the things that most children their age can do.</p>
      <h2>Holiday clubs</h2><p>Clubs run in every school holiday.</p>`);
    expect(topics(out)).toEqual(expect.arrayContaining(['consultation', 'eligibility']));
  });

  it('must not read "your views" on the games of a club as a consultation', async () => {
    const out = await read(`<h1>Holiday clubs</h1><p>Clubs run in every school holiday. Tell the club leader your views on the games.</p><h2>Football</h2><p>Football sessions with coaches.</p>`);
    expect(topics(out)).not.toContain('consultation');
  });
});

describe('universal settings beside the page\'s own short breaks (issue 15, item 1)', () => {
  it('"these are called Universal Services" is an offer, and the page\'s own short breaks still stand beside it', async () => {
    const out = await read(`<p>Exampleshire provide a range of activities to help families have a break.</p>
      <p>There is a wide range of social opportunities available to all children in the borough: these are called Universal Services</p>
      <p>Additionally, Short Break provision is available to children with a disability aged 0 – 18 years of age.</p>`);
    expect(names(out)).toEqual(['Universal Services', 'Short breaks']);
    expect(facts(named(out, 'Short breaks'))).toMatchObject({ age_min: 0, age_max: 18 });
    expect(facts(named(out, 'Universal Services'))).toMatchObject({ tier: 'universal', age_min: null });
  });

  it('must not add the page\'s own offer beside a targeted or specialist one, nor name "respite" from "these are called respite"', async () => {
    const out = await read(`<p>Short breaks are for children aged 0 to 18. Short breaks give families a rest: these are called respite breaks.</p>
      <h2>Targeted short breaks</h2><p>Clubs for disabled children.</p>`);
    expect(names(out)).toEqual(['Targeted short breaks']);
  });
});

describe('a page that names no offer has one (issue 15, item 1)', () => {
  it('its generic headings ("Short breaks", "Activities") give the one offer, the first', async () => {
    const out = await read(`<h1>About short breaks</h1><p>Short breaks let disabled children join in with fun activities.</p>
      <h2>Who can take part</h2><p>Short breaks are for children who:</p><ul><li>are between 0 and 19 years old</li><li>live in Exampleshire</li></ul>
      <h2>Activities</h2><p>Short breaks can last from a few hours to a whole day.</p>`);
    expect(names(out)).toHaveLength(1);
  });

  it('must not merge named offers, however generic the page around them', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks let disabled children join in.</p>
      <h2>Activities</h2><p>Short breaks can last a few hours.</p><h2>Riverside Holiday Club</h2><p>A club in every holiday.</p><h2>Oak Lodge overnight stays</h2><p>Overnight breaks.</p>`);
    expect(names(out)).toEqual(['Riverside Holiday Club', 'Oak Lodge overnight stays']);
  });
});

describe('who may have a service, under a question heading (issue 15, item 1)', () => {
  it('"Who might be provided with a service?" states the page-wide ages even without "eligible" or "for"', async () => {
    const out = await read(`<p>Short break support is for children who cannot do many things children their age can do.</p>
      <h2>Who might be provided with a service?</h2><p>Children and young people with disabilities aged 0-18 years and their families.</p>`);
    expect(names(out)).toHaveLength(1);
    expect(facts(offers(out)[0]!)).toMatchObject({ age_min: 0, age_max: 18 });
  });

  it('must not read ages under "Who we work with" as eligibility', async () => {
    const out = await read(`<h2>Holiday clubs</h2><p>Clubs run in every school holiday.</p>
      <h2>Who we work with</h2><p>We work with schools that teach young people aged 11-16.</p>`);
    expect(facts(named(out, 'Holiday clubs'))).toMatchObject({ age_min: null });
  });
});

describe('tier sections named with asides, and what an offer\'s children usually have', () => {
  it('reads "Specialist Short Breaks (Tiers 3 & 4)" as its own offer, and "will most likely have an EHCP" as no gate', async () => {
    const out = await read(`<h1>Short breaks in Exampleshire</h1>
      <h2>Targeted Short Breaks (Tier 2)</h2><p>Targeted Short Breaks are for disabled children who cannot access universal services without support.</p>
      <h2>Specialist Short Breaks (Tiers 3 &amp; 4)</h2><p>Specialist Short Breaks are for children with complex needs. They will most likely have an Education, Health and Care Plan.</p>`);
    expect(names(out)).toEqual(['Targeted Short Breaks (Tier 2)', 'Specialist Short Breaks (Tiers 3 & 4)']);
    expect(facts(named(out, 'Specialist Short Breaks (Tiers 3 & 4)')).gates).toEqual([]);
    expect(facts(named(out, 'Targeted Short Breaks (Tier 2)')).gates).toEqual([]);
  });

  it('still reads a plan the page requires', async () => {
    const out = await read(`<h1>Short breaks</h1><h2>Specialist Short Breaks (Tier 3)</h2><p>Specialist Short Breaks are for children who must have an Education, Health and Care Plan.</p>`);
    expect(facts(named(out, 'Specialist Short Breaks (Tier 3)')).gates).toEqual(['ehc_plan']);
  });
});

describe('tiers and funds described in sentences (question-and-answer pages)', () => {
  it('reads a tier described in a sentence as its offer, and the grants a tier is provided through as the offers', async () => {
    const out = await read(`<h1>Short breaks in Exampleshire: your questions answered</h1>
      <h2>Question 1: What are short breaks?</h2>
      <p>Short breaks give parents a break from caring. Exampleshire has a tiered approach to short breaks.</p>
      <p>Specialist short breaks (often called tailored short breaks) are provided for families where a social care assessment shows the family needs them.</p>
      <p>Targeted short breaks are provided for families through the Community Access Grant and the Main Access Grant. These grants support families without an assessment.</p>`);
    expect(names(out)).toEqual(['Specialist short breaks', 'Community Access Grant', 'Main Access Grant']);
    expect(facts(named(out, 'Specialist short breaks'))).toMatchObject({ gates: ['social_care_assessment'], tier: 'specialist' });
    expect(facts(named(out, 'Main Access Grant'))).toMatchObject({ gates: [], tier: 'targeted' });
  });

  it('takes no fund from a sentence that is not about short breaks, and no tier from a sentence that only mentions one', async () => {
    const out = await read(`<h1>Short breaks</h1>
      <h2>Other help</h2><p>Help with bills is available through the Household Support Fund.</p>
      <p>We asked families whether targeted short breaks are working well.</p>`);
    expect(names(out)).not.toContain('Household Support Fund');
    expect(names(out).some((n) => /^targeted/i.test(n))).toBe(false);
  });
});

describe('a three-rung ladder named in the page\'s words (universal, additional, specialist)', () => {
  const page = `<h1>Short breaks for disabled children</h1><p>There are three different types of short breaks available:</p>
    <h2>Universal support</h2><p>This is the support available to everyone through universal settings, such as, libraries, leisure centres, family hubs and social activities.</p>
    <h2>Additional support</h2><p>Additional support is short-term help to access mainstream services such as youth groups, scouts, guides and sports clubs.</p>
    <p>For more information on additional support from your local early help consultant, please contact us.</p>
    <h2>Specialist support</h2><p>Specialist support follows a social care assessment.</p>`;
  it('reads the middle rung as the targeted tier, and the settings listed under universal as its offers', async () => {
    const out = await read(page);
    expect(names(out)).toEqual(['libraries', 'leisure centres', 'family hubs', 'social activities', 'Additional support', 'Specialist support']);
    expect(facts(named(out, 'Additional support'))).toMatchObject({ tier: 'targeted', gates: [] });
    expect(facts(named(out, 'libraries'))).toMatchObject({ tier: 'universal' });
  });
  it('does not read the mainstream places a child is helped into, nor who to ask for more information, as offers or gates', async () => {
    const out = await read(page);
    for (const n of ['youth groups', 'scouts', 'guides', 'sports clubs']) expect(names(out)).not.toContain(n);
  });
  it('takes no rung from a sibling heading of another kind between two tiers', async () => {
    const out = await read(`<h1>Short breaks</h1><h2>Universal support</h2><p>Open to everyone.</p><h2>Contact us</h2><p>Call the team.</p><h2>Specialist support</h2><p>Follows a social care assessment.</p>`);
    expect(names(out)).not.toContain('Contact us');
  });
});

describe('a heading that names two rungs, each with its noun', () => {
  it('reads "Universal Services and Enhanced Services" as tiers, so the services its list names are the offers', async () => {
    const out = await read(`<h1>Types of short breaks</h1><h2>Universal Services and Enhanced Services</h2>
      <p>These are available to all children and young people with no assessment needed. Examples include:</p>
      <ul><li>Youth clubs</li><li>Uniformed groups, for example cubs and brownies</li><li>Leisure centres</li></ul>`);
    expect(names(out)).toEqual(expect.arrayContaining(['Youth clubs', 'Uniformed groups', 'Leisure centres']));
    expect(names(out)).not.toContain('Universal Services and Enhanced Services');
  });
});

describe("the page's one offer, named as the page names it", () => {
  it('takes the title when it names one offer', async () => {
    const out = await read(`<h1>Playtime Plus short break activities</h1><h2>Registration closed</h2><p>Registration is closed for this year.</p>
      <h2>1. Overview</h2><p>Each eligible child can access up to 60 hours of Playtime Plus activities each year.</p>`);
    expect(names(out)).toEqual(['Playtime Plus short break activities']);
  });
  it("takes what families pay from anywhere on the page onto the page's one offer", async () => {
    const out = await read(`<h1>Playtime Plus short break activities</h1><h2>Overview</h2>
      <p>Each eligible child can access up to 60 hours of Playtime Plus activities each year.</p>
      <p>There will be a minimum contribution from parents towards Playtime Plus activities of £2 per hour.</p>`);
    expect(offers(out)[0]!.cost).toMatchObject({ status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }] });
  });
  it("takes the council's own name for its short breaks when the page uses it more than once", async () => {
    const out = await read(`<h1>What are Exampleshire Short Breaks?</h1><p>Exampleshire Short Breaks give parent carers a break.</p>
      <h2>Who can access Exampleshire Short Breaks?</h2><p>Children aged 0-18 who live in Exampleshire can access short breaks.</p>`, '/short-breaks');
    expect(names(out)).toEqual(['Exampleshire Short Breaks']);
  });
  it('keeps the short-breaks phrase when the title is the subject or a question', async () => {
    const out = await read(`<h1>Short breaks for disabled children</h1><p>Targeted short breaks are for children aged 5-18 who live in the county.</p>`);
    expect(names(out)).toEqual(['Targeted short breaks']);
  });
});

describe('tiers listed as the kinds of short break, and ranges that depend on the break', () => {
  it('reads a list of tiers led by "the following three categories;" as the offers, with the page-wide eligibility', async () => {
    const out = await read(`<h1>My Guide to Short Breaks</h1><h2>Q2. Who are Short Breaks for?</h2>
      <p>Short Breaks are available to all children and young people who:</p><ul><li>are aged 0 – 18 years old</li><li>ordinarily reside in Exampleshire</li></ul>
      <h2>Q4. What types of Short Break service are available?</h2><p>Short Breaks can be described in the following three categories;</p>
      <ul><li>Universal Short Breaks</li><li>Targeted Short Breaks</li><li>Specialist Short Breaks</li></ul>`);
    expect(names(out)).toEqual(['Universal Short Breaks', 'Targeted Short Breaks', 'Specialist Short Breaks']);
    expect(facts(named(out, 'Targeted Short Breaks'))).toEqual({ gates: ['residence'], age_min: 0, age_max: 18, tier: 'targeted' });
    expect(facts(named(out, 'Universal Short Breaks'))).toEqual({ gates: [], age_min: null, age_max: null, tier: 'universal' });
  });
  it('takes no ages from "0-21 depending on type of Short Break", and reads residence in an area written with "&"', async () => {
    const out = await read(`<h1>Short breaks</h1><p>These breaks can take the form of:</p><ul><li>Holiday play schemes</li><li>Saturday clubs</li></ul>
      <h2>Who is eligible for Short Breaks?</h2><p>Disabled children and young people 0-21 depending on type of Short Break.</p><p>Disabled children living in the E&amp;S area.</p>`);
    expect(facts(named(out, 'Saturday clubs'))).toMatchObject({ age_min: null, age_max: null, gates: ['residence'] });
  });
});

describe('items that name a tier and the services it gives', () => {
  it('reads the services a tier item names as offers, and a name ended by a dash against its last word', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Children and families will be able to access through the service:</p>
      <ul><li>More targeted low level support via the local offer- a set amount of funding for disabled children.</li>
      <li>Specialist support: this can be access to a direct payment, personal budget and direct support contact with a care provider.</li></ul>`);
    expect(names(out)).toEqual(['More targeted low level support via the local offer', 'direct payment', 'personal budget', 'direct support contact with a care provider']);
    expect(facts(named(out, 'personal budget')).tier).toBe('specialist');
  });
  it('reads universal settings given "For example," and no plan gate from "they most likely will have an EHCP"', async () => {
    const out = await read(`<h1>Short breaks</h1><h2>Universal services</h2><p>Our universal services are available to all children.</p><p>For example, leisure centres, youth clubs and sporting activities.</p>
      <h2>Non-assessed short breaks</h2><p>Open to children aged up to 18 who live in Exampleshire. Pathway two: they most likely will have an education, health and care plan (EHCP).</p>`);
    expect(names(out)).toEqual(['leisure centres', 'youth clubs', 'sporting activities', 'Non-assessed short breaks']);
    expect(facts(named(out, 'Non-assessed short breaks')).gates).not.toContain('ehc_plan');
  });
  it('keeps a tier item whole when what follows is no list of services', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Children and families will be able to access through the service:</p>
      <ul><li>Specialist support: this follows an assessment by a social worker.</li><li>Holiday clubs: open to all.</li></ul>`);
    expect(names(out)).toContain('Specialist support');
  });
});

describe('tables of provision', () => {
  it('reads one offer per row of a table whose first column names providers, with what the row says', async () => {
    const out = await read(`<h1>Short Breaks Info</h1><p>The range of services on offer.</p><table>
      <tr><th>Short Breaks provider</th><th>Summer offer</th></tr>
      <tr><td>Riverside Outdoors</td><td><p>Group sessions with bushcraft and forest school. Cost: £30 per day</p><p>Available to ages 8-17.</p></td></tr>
      <tr><td>Harbour Centre</td><td><p>Group sessions with sailing and cooking.</p></td></tr></table>`);
    expect(names(out)).toEqual(['Riverside Outdoors', 'Harbour Centre']);
    expect(facts(named(out, 'Riverside Outdoors'))).toMatchObject({ age_min: 8, age_max: 17 });
    expect(named(out, 'Riverside Outdoors').cost).toMatchObject({ status: 'charged', charges: [{ amount_gbp: 30, per: 'day' }] });
  });
  it('reads tier rows as tier offers, and a table of something else as no offers', async () => {
    const out = await read(`<h1>Short breaks</h1><p>How short breaks are reached.</p><table>
      <tr><th>Service</th><th>How needs are identified</th></tr><tr><td>Universal (for everyone)</td><td>self-refer</td></tr><tr><td>Targeted</td><td>working with an agency</td></tr></table>
      <h2>Opening times</h2><table><tr><th>Day</th><th>Hours</th></tr><tr><td>Monday</td><td>9am to 5pm</td></tr></table>`);
    expect(names(out)).toEqual(['Universal', 'Targeted']);
    expect(facts(named(out, 'Universal')).tier).toBe('universal');
  });
});

describe('a generic item that names its kinds', () => {
  it('reads "Short breaks, such as family-based shared care, residential overnights, outreach" as those offers', async () => {
    const out = await read(`<h1>Disabled Children's Team</h1><p>Some of the services we might be able to provide or organise include:</p>
      <ul><li>Family support</li><li>Short breaks, such as family-based shared care, residential overnights, outreach, sessional support, childminding</li></ul>`);
    expect(names(out)).toEqual(['Family support', 'family-based shared care', 'residential overnights', 'outreach', 'sessional support', 'childminding']);
  });
});

describe('a ladder named by needs, with its examples set as a heading', () => {
  it('reads "Example: Youth Clubs, Out of School Clubs, Leisure Centres" under "Universal needs" as that tier\'s offers', async () => {
    const out = await read(`<h1>Short breaks</h1><h2>Universal needs</h2><p>Universal short break services are available to all children.</p>
      <h2>Example: Youth Clubs, Out of School Clubs, Leisure Centres</h2><p>For up to date information visit the Family Information Service.</p>
      <h2>Targeted needs</h2><p>Targeted short breaks are for children who need some extra support.</p>`);
    expect(names(out)).toEqual(['Youth Clubs', 'Out of School Clubs', 'Leisure Centres', 'Targeted needs']);
    expect(facts(named(out, 'Leisure Centres')).tier).toBe('universal');
  });
});

describe('eligibility lists under an eligibility heading, and providers a council commissions', () => {
  it('reads the list under "Eligibility – who could access ...?" as conditions, and the commissioned providers as offers', async () => {
    const out = await read(`<h1>Exampleshire Commissioned Short Breaks Service</h1><p>We offer a graduated response to families.</p>
      <h2>Eligibility – who could access the Targeted Short Breaks Service?</h2>
      <ul><li>Children/Young People must reside in Exampleshire</li><li>Children/Young People attending full time school up until their 19th Birthday.</li><li>Parent/Carers require a break from their caring role</li></ul>
      <p>Currently Exampleshire Council have commissioned Riverside Youth Association (RYA) and Harbour Sports Group to run Short Breaks groups.</p>`);
    expect(names(out)).toEqual(expect.arrayContaining(['Riverside Youth Association', 'Harbour Sports Group']));
    expect(names(out).some((n) => /must reside|full time school|require a break/.test(n))).toBe(false);
    expect(facts(named(out, 'Harbour Sports Group')).gates).toContain('residence');
  });
  it('still reads a list of what short breaks include under a "Who can ..." heading', async () => {
    const out = await read(`<h1>Short breaks</h1><h2>Who can use short breaks?</h2><p>Children aged 5-18. Short breaks include:</p><ul><li>Saturday clubs</li><li>Holiday play schemes</li></ul>`);
    expect(names(out)).toEqual(['Saturday clubs', 'Holiday play schemes']);
  });
});

describe('tier sections whose bullets describe the tier and name services inline', () => {
  it('reads the services a bullet names ("like leisure centres, ...", "activities include ...") and in-home support', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Types of short breaks:</p><ul><li>day outings with a carer or befriender</li><li>in-home support, including help getting ready for bed</li></ul>
      <h2>Universal</h2><ul><li>open to all children and young people in Exampleshire. No assessment is needed.</li><li>activities for fun and making friends, like leisure centres, holiday activities, sports, and scouts.</li></ul>
      <h2>Targeted</h2><ul><li>for children whose needs are not met by Universal Services.</li><li>activities include theatre for people with disabilities, disability sports clubs, and targeted youth groups.</li></ul>`);
    expect(names(out)).toEqual(expect.arrayContaining(['in-home support', 'leisure centres', 'holiday activities', 'scouts', 'disability sports clubs', 'targeted youth groups']));
    expect(facts(named(out, 'disability sports clubs')).tier).toBe('targeted');
    expect(facts(named(out, 'leisure centres')).tier).toBe('universal');
  });
});

describe('a section that says which tier it is', () => {
  it('reads the examples under "Community groups and activities are also known as universal short breaks" as universal offers', async () => {
    const out = await read(`<h1>Types of short breaks</h1><h2>Community groups and activities</h2>
      <p>Community groups and activities are also known as universal short breaks as they are open to everyone.</p>
      <p>These groups and activities for 0 to 19 year olds run outside school hours. Examples include:</p>
      <ul><li>clubs such as Brownies or Cubs</li><li>after school or leisure clubs</li></ul>`);
    expect(names(out)).toEqual(['clubs', 'after school or leisure clubs']);
    expect(facts(named(out, 'after school or leisure clubs'))).toMatchObject({ tier: 'universal', age_min: 0, age_max: 19 });
  });
});
