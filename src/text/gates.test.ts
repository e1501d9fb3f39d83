// Table-driven tests of the gate parser: the taxonomy gate codes a text sets, with the words that set them.
import { describe, expect, it } from 'vitest';
import { parseGates } from './gates.js';

describe('parseGates', () => {
  it.each([
    ['middle or higher rate DLA or any PIP', [['benefit_dla', 'middle or higher rate DLA'], ['benefit_pip', 'any PIP']]],
    ['get the higher rate of DLA or enhanced PIP', [['benefit_dla', 'higher rate of DLA'], ['benefit_pip', 'enhanced PIP']]],
    ['high-rate DLA', [['benefit_dla', 'high-rate DLA']]],
    ['household income < £21,000', [['household_income', 'household income < £21,000']]],
    ['your household income must be under £21,000', [['household_income', 'household income must be under £21,000']]],
    ['in receipt of means-tested benefits', [['household_income', 'means-tested benefits']]],
    ['children with an EHCP', [['ehc_plan', 'EHCP']]],
    ['an Education, Health and Care Plan', [['ehc_plan', 'Education, Health and Care Plan']]],
    ['the Hampshire Gateway Card', [['registration_card', 'Gateway Card']]],
    ['your Short Breaks passport id number', [['registration_card', 'Short Breaks passport']]],
    ["the Children's Disability Register", [['registration_card', "Children's Disability Register"]]],
    ['register for the Exampleshire Short Breaks Card', [['registration_card', 'register for the Exampleshire Short Breaks Card']]],
    ['letter from GP/SENCo/professional', [['professional_letter', 'letter from GP/SENCo/professional']]],
    ['a letter from a GP, SENCo or other professional', [['professional_letter', 'letter from a GP, SENCo or other professional']]],
    ['RAS questionnaire: score ≥70', [['ras_score', 'RAS questionnaire: score ≥70']]],
    ['a resource allocation score', [['ras_score', 'resource allocation score']]],
    ['only after a social care assessment', [['social_care_assessment', 'social care assessment']]],
    ['an assessment by a social worker', [['social_care_assessment', 'assessment by a social worker']]],
    ['referred through Early Help', [['early_help_referral', 'Early Help']]],
    ['live in Lancashire', [['residence', 'live in Lancashire']]],
    ['must live in Stoke-on-Trent', [['residence', 'live in Stoke-on-Trent']]],
    ['living in the county', [['residence', 'living in the county']]],
    ['a diagnosis of autism', [['diagnosis_evidence', 'diagnosis']]],
  ])('%s', (text, expected) => {
    expect(parseGates(text).map((g) => [g.code, g.cue])).toEqual(expected);
  });

  it('lists every gate in the order the text gives them', () => {
    const text = 'Children who live in Exampleshire can have a card if they have an EHC plan, get the middle or higher rate of DLA or any rate of PIP, or have a letter from a GP.';
    expect(parseGates(text).map((g) => g.code)).toEqual(['residence', 'ehc_plan', 'benefit_dla', 'benefit_pip', 'professional_letter']);
  });

  it.each([
    'You do not need a social care assessment.',
    'No social care assessment is needed.',
    'Universal Credit claimants are welcome at universal services.',
    'Bring a passport or birth certificate.',
    'Register for our newsletter.',
  ])('sets no gate from %s', (text) => expect(parseGates(text).filter((g) => g.code !== 'household_income')).toEqual([]));
});

// Hard phrasings from real statements (issue 15, item 2), written for these tests, with cases that must not match.
const hardGates = (text: string) => parseGates(text).map((g) => g.code);
describe('gates in hard phrasings', () => {
  it.each([
    // Nested gates: the plan is a gate; "a higher rate of funding" is not the DLA higher rate, and a specialist school has no code.
    ['You can apply with a finalised EHCP and a higher rate of funding, or if your child attends a specialist school.', ['ehc_plan']],
    ['They receive disability living allowance at the middle rate or personal independence payments at the enhanced rate.', ['benefit_dla', 'benefit_pip']],
    ['Specialist services require assessment by Children’s Social Care.', ['social_care_assessment']],
    ['An assessment of need will be carried out to find the right support.', ['social_care_assessment']],
    ['Families must register for the Short Breaks Card.', ['registration_card']],
    ['Families can apply if the child or young person has a diagnosed disability.', ['diagnosis_evidence']],
    ['Some overnight breaks are taken following a social care or health assessment of need.', ['social_care_assessment']],
    ['Level 3 – Specialist Short Breaks (dependent on assessed need)', ['social_care_assessment']],
    ["The type of short break you receive will depend on your child's assessed needs.", ['social_care_assessment']],
    ['You need to ask the local authority to carry out an assessment of need.', ['social_care_assessment']],
    // Assessment routes named by what they require or who makes them (issue 15: Exampleshire, Sampleton phrasings).
    ['An assessment of need is required to access specialist short breaks.', ['social_care_assessment']],
    ['This is through a Child and Family Assessment, undertaken by a social worker.', ['social_care_assessment']],
    ['To apply your child must have a social worker.', ['social_care_assessment']],
    ['The service can only be accessed via a referral from a social worker.', ['social_care_assessment']],
    ['Applications can be made by contact with a social worker or supported by a Common Assessment.', ['social_care_assessment', 'early_help_referral']],
    ['Children who are residents in Exampleshire are eligible.', ['residence']],
    ['Children must have an EHCP, whether or not they attend a special school.', ['ehc_plan']],
    ['To be eligible your child will have a diagnosed moderate to severe learning disability.', ['diagnosis_evidence']],
    ['Your child has a statement of educational needs.', ['ehc_plan']],
    ['Services are accessed through a social care / early help assessment.', ['social_care_assessment', 'early_help_referral']],
    ["Your child will not be able to attend if an 'All About Me' form has not been completed.", ['registration_card']],
    ['You must complete a registration and consent form before your first session.', ['registration_card']],
    ['The assessment will be carried out by the Social Worker who will guide you through the process.', ['social_care_assessment']],
  ])('reads %s', (text, expected) => {
    expect(hardGates(text)).toEqual(expected);
  });

  it.each([
    // Exclusions are not gates, and money on a card is not a registration card.
    'ADHD on its own is not eligible for a short break.',
    'Your allocation is paid onto a Short Breaks Prepaid Card.',
    'The budget is loaded onto a pre-paid card each April.',
    'No social care assessment is needed.',
    'Staff offer 1:1 support where a child needs it.',
    // A diagnosis or an assessment the offer does not ask for.
    'Families can refer themselves without the need for a referral or a diagnosis.',
    'Not all short breaks require a social care assessment.',
    'This statement of short breaks explains what is on offer.',
    'You can complete the feedback form on our website.',
    // Who an offer is for besides the assessed route: children who do not have that route are not gated by it.
    'The clubs are for children who do not receive short breaks following a social care assessment of need.',
    // A plan the offer does not ask for.
    'The child will have SEND regardless of whether the child has a SEN Support Plan or an Education Health Care Plan (EHCP).',
    'Clubs are open to children with or without an EHCP.',
    // A social worker who helps or advises is no route; residents of something that is not a place are no residence.
    'If you have a social worker you can discuss it with them.',
    'Your social worker can tell you more about short breaks.',
    'Ask your social worker about the clubs.',
    'The scheme is run by a social worker who can help you plan.',
    'Activities for residents of care homes are not short breaks.',
  ])('finds no gate in %s', (text) => {
    expect(hardGates(text)).toEqual([]);
  });
});

describe('who to ask is not a gate', () => {
  it.each([
    ['For more information on additional support from your local early help consultant, please contact us.', []],
    ['To find out more, speak to your social worker about a social care assessment.', []],
    ['Children must have an EHC plan. For more information, contact the team.', ['ehc_plan']],
  ])('reads %s', (text, expected) => expect(parseGates(text).map((g) => g.code)).toEqual(expected));
});
