// Which lists and items name services (statement-lists.ts), read through the adapter from synthetic pages (invented councils).
import { describe, expect, it } from 'vitest';
import { facts, named, names, read } from '../../test/support/statement-pages.js';
import { isServiceList, itemNames, listRuns, unmarkedItems } from './statement-lists.js';

describe('a list of one labelled service (issue 15, item 1)', () => {
  it('reads the one labelled item of a list of provision as the offer, not the council-named heading above it', async () => {
    const out = await read(`<h1>Types of short breaks</h1><h2>Exampleshire County Council Short Breaks Services</h2>
      <p>The council runs 3 types of Short Break:</p>
      <ul><li>Riverside Short Breaks Riverside Short Breaks provide group activities for children with a disability. These short breaks are available for children aged 5 - 17 years old who live in Exampleshire.</li></ul>`);
    expect(names(out)).toEqual(['Riverside Short Breaks']);
    expect(facts(named(out, 'Riverside Short Breaks'))).toMatchObject({ gates: ['residence'], age_min: 5, age_max: 17 });
  });

  it('must not read a one-item list under an eligibility lead, or an unlabelled item, as an offer of its own', async () => {
    const who = await read(`<h1>Holiday clubs</h1><p>Holiday clubs run in every school holiday for children aged 5 to 17.</p>
      <p>The clubs are for children who:</p><ul><li>Live in Exampleshire - and have a disability</li></ul>`);
    expect(names(who)).toEqual(['Holiday clubs']);
    const plain = await read(`<h1>Short breaks</h1><h2>Sampleton Borough Council Short Breaks Services</h2><p>The council provides these short breaks:</p><ul><li>holiday clubs for children aged 5 to 17</li></ul>`);
    expect(names(plain)).not.toContain('holiday clubs');
  });
});

describe('help that is no break (issue 15, item 1)', () => {
  it('advice and information, and links with other agencies, in a list of a team\'s services give no offers', async () => {
    const out = await read(`<h1>Disabled Children's Team</h1><p>The team works with health and education services.</p>
      <h2>The sort of help we can provide</h2><p>Some of the services we might be able to provide or organise include:</p>
      <ul><li>Advice and information</li><li>Personal care in the child's home</li><li>Link with other agencies</li><li>Sessional support</li><li>Childminding</li><li>Direct payments</li></ul>`);
    expect(names(out)).toEqual(["Personal care in the child's home", 'Sessional support', 'Childminding', 'Direct payments']);
  });

  it('must not drop a named information service that gives breaks, or support named with advice in it', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks give families a rest.</p>
      <p>Short breaks include:</p><ul><li>Advice and support sessions for parents at the Riverside Centre</li><li>Holiday clubs</li></ul>`);
    expect(names(out)).toEqual(['Advice and support sessions for parents at the Riverside Centre', 'Holiday clubs']);
  });
});

describe('a list written as one sentence (issue 15, item 1)', () => {
  it('its last item keeps its "and" but is read as a service ("the Play Service; and Sampleton Disability Sport.")', async () => {
    const out = await read(`<h1>Short breaks for children</h1><p>A short break gives families a rest.</p>
      <h2>How to apply</h2><p>We have many opportunities available for children with SEND through direct access, such as:</p>
      <ul><li>the Riverside Play Service;</li><li>and Sampleton Disability Sport.</li></ul>`);
    expect(names(out)).toEqual(['the Riverside Play Service', 'Sampleton Disability Sport']);
  });

  it('must not read a list of what a break depends on as services', async () => {
    const out = await read(`<h1>Short breaks for children</h1><p>It can be for a couple of hours to days. This will depend on your child's:</p>
      <ul><li>Needs and aspirations;</li><li>the impact their disability has on family life;</li><li>and their age.</li></ul>
      <h2>Holiday clubs</h2><p>Clubs run in every school holiday.</p>`);
    expect(names(out)).toEqual(['Holiday clubs']);
  });
});

describe('a purpose clause is no part of a listed service\'s name (issue 15, item 1)', () => {
  it('"Additional support so a child can join in with a club ..." is named "Additional support"', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>Short breaks give families a rest.</p>
      <p>Short breaks can be provided in different ways and could involve:</p>
      <ul><li>Play and activity schemes</li><li>Additional support so a child or young person can join in with a club or recreational activity in their community and make new friends while their parents rest.</li><li>Overnight short break care</li></ul>`);
    expect(names(out)).toEqual(['Play and activity schemes', 'Additional support', 'Overnight short break care']);
  });

  it('must not cut a name at "So" that is not a purpose clause ("The So Much Fun Club")', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>Short breaks give families a rest.</p>
      <p>Short breaks include:</p><ul><li>Holiday clubs</li><li>The So Much Fun Club</li></ul>`);
    expect(names(out)).toEqual(['Holiday clubs', 'The So Much Fun Club']);
  });
});

describe('a list that mostly names services (issue 15, item 1)', () => {
  it('its other name-like items are services too ("public spaces, for example, parks")', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Universal activities are open to all our families with disabled children.</p>
      <p>Activities can include:</p><ul><li>leisure and sports services</li><li>youth and play services</li>
      <li>public spaces, for example, parks and adventure playgrounds</li><li>voluntary and community facilities</li><li>Scouts, Guides, Brownies</li></ul>`);
    expect(names(out)).toEqual(['leisure and sports services', 'youth and play services', 'public spaces', 'voluntary and community facilities', 'Scouts, Guides, Brownies']);
  });

  it('must not take the other items of a list with few services, nor items that are not names', async () => {
    const few = await read(`<h1>Short breaks</h1><p>Short breaks can help families to have:</p>
      <ul><li>time with other children</li><li>a holiday club place</li><li>rest and recuperation</li></ul><h2>Holiday clubs</h2><p>Clubs run in every holiday.</p>`);
    expect(names(few)).toEqual(['Holiday clubs']);
    const mixed = await read(`<h1>Short breaks</h1><p>Activities can include:</p><ul><li>youth clubs</li><li>play schemes</li><li>sports sessions</li><li>give you time to rest</li></ul>`);
    expect(names(mixed)).toEqual(['youth clubs', 'play schemes', 'sports sessions']);
  });
});

describe('cards and personal support (issue 15, item 1)', () => {
  it('a card listed as a service is no gate of its own, and a "Personal Support" section is an offer', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>Short breaks give families a rest.</p>
      <h2>What short break services are there?</h2><p>These include:</p><ul><li>Holiday clubs</li><li>Max Cards</li><li>Riverside Arts</li></ul>
      <h2>Personal Support</h2><p>Providing support to children in their own homes or in the community, often on a 121 basis.</p>`);
    expect(names(out)).toEqual(['Holiday clubs', 'Max Cards', 'Riverside Arts', 'Personal Support']);
    expect(facts(named(out, 'Max Cards')).gates).toEqual([]);
  });

  it('must not drop the card a page asks for from the services it gates', async () => {
    const out = await read(`<h1>Short Breaks</h1><p>You need a Short Breaks Card to book any short breaks.</p>
      <h2>Holiday clubs</h2><p>Clubs in every school holiday.</p><h2>Personal information</h2><p>We keep your data safe.</p>`);
    expect(names(out)).toEqual(['Holiday clubs']);
    expect(facts(named(out, 'Holiday clubs')).gates).toEqual(['registration_card']);
  });
});

describe('a list item that introduces the items after it (issue 15, item 1)', () => {
  it('"- are a priority for safeguarding reasons and may include" ends the conditions; the items after it are services with the lead\'s gate', async () => {
    const out = await read(`<h1>Short breaks for your disabled child</h1><p>The targeted short break activities might include:</p>
      <ul><li>weekend and holiday clubs</li><li>specialist group activities</li></ul>
      <p>Specialist services to support short breaks are for disabled children when their social care assessment shows that they:</p>
      <ul><li>have severe and complex needs</li><li>are a priority for safeguarding reasons and may include</li>
      <li>weekend and holiday activities in a specialist setting</li><li>family-based or residential overnight short breaks</li></ul>`);
    expect(names(out)).toEqual(['weekend and holiday clubs', 'specialist group activities', 'weekend and holiday activities in a specialist setting', 'family-based or residential overnight short breaks']);
    expect(facts(named(out, 'family-based or residential overnight short breaks')).gates).toEqual(['social_care_assessment']);
    expect(facts(named(out, 'weekend and holiday clubs')).gates).toEqual([]);
  });

  it('must not split a list at an item that only mentions "include" inside it', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks include:</p>
      <ul><li>Holiday clubs which include swimming</li><li>Youth clubs</li><li>Saturday clubs</li></ul>`);
    expect(names(out)).toHaveLength(3);
    expect(names(out).slice(1)).toEqual(['Youth clubs', 'Saturday clubs']);
  });
});

describe('what money buys is no part of its name (issue 15, item 1)', () => {
  it('"a personal budget or direct payments to employ a personal assistant ..." is named up to "to employ"', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Specialist short breaks may include:</p>
      <ul><li>overnight short breaks</li><li>a personal budget or direct payments to employ a personal assistant for your disabled child to support their independence skills with daily life in the community.</li><li>holiday clubs</li></ul>`);
    expect(names(out)).toEqual(['overnight short breaks', 'personal budget or direct payments', 'holiday clubs']);
  });

  it('must not cut "Support to access clubs" or "Help at home to join family outings" at their "to"', async () => {
    const out = await read(`<h1>Short breaks</h1><p>Short breaks include:</p><ul><li>Support to access clubs</li><li>Help at home to join family outings</li><li>Holiday clubs</li></ul>`);
    expect(names(out)).toEqual(['Support to access clubs', 'Help at home to join family outings', 'Holiday clubs']);
  });
});

describe('lists whose items carry their own gates, and lists of examples of something else', () => {
  const run = (lead: string[], items: string[]) => listRuns([...lead.map((text) => ({ text, item: false })), ...items.map((text) => ({ text, item: true }))])[0]!;
  it('reads "type: what it is for and its gate" items as services, not as an eligibility list', () => {
    expect(isServiceList(run(['Types of short breaks:'], ['general short breaks: available to all children and can be accessed through self-referral', 'specialist short breaks: for children with greater needs, these require a social care assessment']), 'Short breaks')).toBe(true);
  });
  it('still reads a list of conditions as eligibility', () => {
    expect(isServiceList(run(['Short breaks are available to children who:'], ['receive DLA at the middle or higher rate', 'live in Exampleshire', 'have an EHC plan']), 'Short breaks')).toBe(false);
    expect(isServiceList(run(['Support includes:'], ['Breaks: for children with DLA', 'Clubs: for children with an EHC plan', 'DLA at the higher rate']), 'Short breaks')).toBe(true);
  });
  it('reads "For example:" by the sentence it points on from: places where breaks happen are no list of services', () => {
    expect(isServiceList(run(['Short breaks can last a few hours or days and take place in various locations.', 'For example:'], ['community sports groups or clubs', 'subsidised holidays', 'support within the home']), 'What is a short break?')).toBe(false);
    expect(isServiceList(run(['Exampleshire funds many short break services.', 'For example:'], ['Riverside Youth Club', 'Saturday Sports Club', 'Holiday play schemes']), 'What is a short break?')).toBe(true);
  });
  it('reads a list cut after its first letters ("Ne") by its whole items', () => {
    expect(isServiceList(run(['Additional support is known as Family Support Short Breaks. Depending on your needs, the following may be available.'], ['Independent Options - community support and weekends away', 'Ne']), 'What kind of additional support is available?')).toBe(true);
    expect(isServiceList(run(['Depending on your needs, the following may be available.'], ['Ne', 'Xy']), 'What kind of additional support is available?')).toBe(false);
  });
  it('reads a list led by "Depending on the outcome of the assessment, ... including:" as services, named without who uses or arranges them', () => {
    const r = run(['Depending on the outcome of the assessment, needs can be met through a range of short break specialist services, including:'], ['Direct payments that families can use to employ a personal assistant', 'Approved specialist daytime activities arranged by the council', 'Overnight short breaks in the Sleepover Scheme']);
    expect(isServiceList(r, 'Exampleshire specialist short breaks')).toBe(true);
    expect(r.items.map((i) => itemNames(i.text)[0])).toEqual(['Direct payments', 'Approved specialist daytime activities', 'Overnight short breaks in the Sleepover Scheme']);
    expect(isServiceList(run(['Short breaks help children achieve good outcomes:'], ['Confidence', 'Friendships']), 'Short breaks')).toBe(false);
  });
});

describe('lists written as one short paragraph per item', () => {
  const read2 = (texts: string[]) => unmarkedItems(texts.map((text) => ({ text, item: false }))).map((l) => l.item);
  it('reads short unpunctuated paragraphs after a colon as items', () => {
    expect(read2(['Universal Short Breaks are everyday services.', 'For example:', 'after school activities', 'childminders', 'leisure centres', 'Targeted breaks need a referral.'])).toEqual([false, false, true, true, true, false]);
  });
  it('leaves a lone line after a colon, and sentences, as paragraphs', () => {
    expect(read2(['Contact us:', 'Exampleshire Short Breaks Team', 'We reply within a week.'])).toEqual([false, false, false]);
    expect(read2(['Who can apply:', 'Children aged 5 to 18.', 'Children who live here.'])).toEqual([false, false, false]);
  });
});
