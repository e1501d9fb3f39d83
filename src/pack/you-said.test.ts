// "You said, we did" says missing as missing (an option nobody scored, a role that gave no scores), shows only approved
// comments and escapes them, and words who took part by role.
import { describe, expect, it } from 'vitest';
import type { OptionResult, Role, Workshop, WorkshopResults } from '../domain/workshop.js';
import { renderYouSaid, whoTookPart } from './you-said.js';
import { renderYouSaidEasy } from './you-said-easy.js';

const ROLES: Role[] = ['parent_carer', 'young_person', 'provider', 'council_officer', 'health', 'other'];
const none = () => ({ responses: 0, mean: null });
const byRole = (over: Partial<Record<Role, { responses: number; mean: number | null }>> = {}) => Object.fromEntries(ROLES.map((r) => [r, over[r] ?? none()])) as OptionResult['by_role'];

const workshop: Workshop = {
  code: 'ABCDEFGH',
  council_code: 'E99999999',
  council_name: 'Exampleshire',
  title: 'Holidays in Exampleshire',
  theme: null,
  group: null,
  status: 'closed',
  created_at: '2026-12-01T10:00:00Z',
  options: [
    { id: 'O1', title: 'Holiday play scheme', summary: 'More places in the holidays.', easy_read: 'You could go to a play scheme.', position: 1, scoring_open: false, decision: { decision: 'taken_forward', reason: 'Families asked for it.', decided_at: '2026-12-01T12:00:00Z' } },
    { id: 'O2', title: 'Overnight short breaks', summary: '', easy_read: null, position: 2, scoring_open: false, decision: null },
  ],
  factors: [{ id: 'choice', title: 'Choice', question: 'Does it widen the range?' }],
  scale: [
    { score: 0, means: 'Makes things worse for families' },
    { score: 5, means: 'A large improvement for most families' },
  ],
};

const results: WorkshopResults = {
  code: 'ABCDEFGH',
  title: workshop.title,
  council_name: 'Exampleshire',
  status: 'closed',
  participants: { total: 3, by_role: { parent_carer: 2, young_person: 1, provider: 0, council_officer: 0, health: 0, other: 0 } },
  version: 'ABCDEFGH-9',
  options: [
    {
      id: 'O1',
      title: 'Holiday play scheme',
      participants: 3,
      responses: 3,
      mean: 4,
      by_role: byRole({ parent_carer: { responses: 2, mean: 3.5 }, young_person: { responses: 1, mean: 5 } }),
      by_factor: { choice: { responses: 3, mean: 4 } },
      spread: { '0': 0, '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 },
      comments: [
        { id: 'c1', option: 'O1', role: 'young_person', text: '<script>alert(1)</script> swimming', status: 'approved', created_at: '2026-12-01T11:00:00Z' },
      ],
      decision: workshop.options[0]!.decision,
    },
    { id: 'O2', title: 'Overnight short breaks', participants: 0, responses: 0, mean: null, by_role: byRole(), by_factor: { choice: none() }, spread: { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, comments: [], decision: null },
  ],
};

describe('you said, we did', () => {
  it('says who took part by role, in words', () => {
    expect(whoTookPart(results)).toBe('3 people took part: 2 parent carers and 1 young person.');
  });

  it('shows an option nobody scored as not scored (never 0), the decision and its reason, and escapes comments', () => {
    const html = renderYouSaid(workshop, results);
    expect(html).toContain('Nobody scored this option.');
    expect(html).not.toMatch(/0\.0 out of 5/);
    expect(html).toContain('Average score: <strong>4.0 out of 5</strong>');
    expect(html).toContain('Why: Families asked for it.');
    expect(html).toContain('Not decided yet');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; swimming');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Workshop ABCD-EFGH, closed.');
  });

  it('has an easy read with a picture per idea, what young people wrote and what we decided', () => {
    const html = renderYouSaidEasy(workshop, results);
    expect(html).toContain('<svg class="pic" role="img"');
    expect(html).toContain('We will do this.');
    expect(html).toContain('We have not decided yet.');
    expect(html).toContain('Nobody scored this idea.');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; swimming');
  });
});
