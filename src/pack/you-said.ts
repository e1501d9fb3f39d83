// The "you said, we did" document for families and children: per option, what the room said by role (scores and
// approved comments only), the decision and its reason. Missing is said to be missing: an option nobody scored
// says so, never 0. Every text from the room is escaped; the document is self-contained for saving and printing.
import { DECISION_LABELS, displayCode, ROLE_LABELS, WORKSHOP_ROLES, type OptionResult, type Role, type Workshop, type WorkshopResults } from '../domain/workshop.js';
import { BASE_CSS, date, esc, list, page, table } from './html.js';

const YS_CSS = `${BASE_CSS}
.option { border-top: 4px solid var(--accent); margin-top: 2rem; }
.option h2 { border-top: 0; }
.decision { border-left: 6px solid var(--accent); background: #eef4fa; padding: 0.6rem 0.9rem; margin: 1rem 0; }
blockquote { margin: 0.4rem 0; padding: 0.3rem 0.8rem; border-left: 4px solid var(--line); }
@media print { .option { break-inside: avoid-page; } }
`;

/** A mean score out of 5 in words, or what is missing. */
export const meanText = (m: { responses: number; mean: number | null }, none = 'nobody scored it') => (m.mean === null || m.responses === 0 ? none : `${m.mean.toFixed(1)} out of 5`);

/** Each role in words, for one person and for more than one. */
export const ROLE_WORDS: Record<Role, [string, string]> = {
  parent_carer: ['parent carer', 'parent carers'],
  young_person: ['young person', 'young people'],
  provider: ['provider', 'providers'],
  council_officer: ['council officer', 'council officers'],
  health: ['person from health', 'people from health'],
  other: ['other person', 'other people'],
};

/** "3 young people", "1 provider". */
export const roleCount = (role: Role, n: number) => `${n} ${ROLE_WORDS[role][n === 1 ? 0 : 1]}`;

/** Who took part, in words: "12 people took part: 5 parent carers, 3 young people and 4 council officers." */
export function whoTookPart(r: WorkshopResults): string {
  const parts = WORKSHOP_ROLES.filter((role) => r.participants.by_role[role] > 0).map((role) => roleCount(role, r.participants.by_role[role]));
  if (!r.participants.total) return 'Nobody has taken part yet.';
  return `${r.participants.total} ${r.participants.total === 1 ? 'person' : 'people'} took part: ${list(parts)}.`;
}

export function decisionText(o: Pick<OptionResult, 'decision'>): string {
  return o.decision ? DECISION_LABELS[o.decision.decision] : 'Not decided yet';
}

function optionSection(w: Workshop, o: OptionResult, n: number): string {
  const opt = w.options.find((x) => x.id === o.id);
  const roleRows = WORKSHOP_ROLES.filter((role) => o.by_role[role].responses > 0).map((role) => [esc(ROLE_LABELS[role]), String(o.by_role[role].responses), esc(meanText(o.by_role[role]))]);
  const factorRows = w.factors.map((f) => [esc(f.title), esc(f.question), esc(meanText(o.by_factor[f.id] ?? { responses: 0, mean: null }))]);
  const comments = o.comments.filter((c) => c.status === 'approved');
  return `<section class="option" aria-labelledby="opt-${n}">
<h2 id="opt-${n}">${n}. ${esc(o.title)}</h2>
${opt?.summary ? `<p>${esc(opt.summary)}</p>` : ''}
<h3>You said</h3>
${
  o.responses === 0
    ? '<p class="missing"><strong>Nobody scored this option.</strong></p>'
    : `<p>${o.participants} ${o.participants === 1 ? 'person' : 'people'} scored it (${o.responses} ${o.responses === 1 ? 'score' : 'scores'} in all). Average score: <strong>${esc(meanText(o))}</strong> (0 means it would make things worse, 5 a large improvement for most families).</p>
${table(`Scores for option ${n} by who gave them`, ['Who', 'Scores given', 'Average score'], roleRows)}
${table(`Scores for option ${n} on each question`, ['Question', 'What we asked', 'Average score'], factorRows)}`
}
${comments.length ? `<h4>What people wrote</h4>\n${comments.map((c) => `<blockquote><p>${esc(c.text)}</p><p class="muted">${esc(ROLE_LABELS[c.role])}</p></blockquote>`).join('\n')}` : '<p class="muted">No comments were shared for this option.</p>'}
<h3>We did</h3>
<div class="decision"><p><strong>${esc(decisionText(o))}</strong></p>${o.decision ? `<p>Why: ${esc(o.decision.reason)}</p><p class="muted">Decided ${esc(date(o.decision.decided_at))}.</p>` : '<p>The workshop has not decided about this option yet.</p>'}</div>
</section>`;
}

/** The whole document as a self-contained HTML page. */
export function renderYouSaid(w: Workshop, r: WorkshopResults, now = new Date()): string {
  const body = `<a class="skip" href="#main">Skip to main content</a>
<main id="main">
<h1>You said, we did: ${esc(r.title)}</h1>
<p class="lede">${esc(r.council_name)} asked parent carers, young people, providers, health and council staff to score ideas for short breaks. This is what you told us, and what we decided.</p>
<p>${esc(whoTookPart(r))}</p>
<p>Each idea was scored from 0 to 5 on ${w.factors.length} questions. ${w.scale.map((s) => `${s.score} means ${esc(s.means.toLowerCase())}`).join('; ')}.</p>
<p>We only show comments that the workshop's facilitator checked and agreed to share. We do not know who wrote them.</p>
${r.options.length ? r.options.map((o, i) => optionSection(w, o, i + 1)).join('\n') : '<p>The workshop had no options.</p>'}
<p class="muted">Workshop ${esc(displayCode(r.code))}, ${r.status === 'closed' ? 'closed' : 'still open: scores may still change'}. Made ${esc(date(now.toISOString().slice(0, 10)))}.</p>
</main>`;
  return page({ title: `You said, we did: ${r.title}`, css: YS_CSS, body });
}
