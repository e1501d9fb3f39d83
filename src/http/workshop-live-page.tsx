/** @jsxImportSource hono/jsx */
// The facilitator's live totals: who has taken part, each option's scores overall and by role (a table that stacks
// on a phone) and the spread of its scores as simple SVG bars with the counts in words. Server-rendered, so the page
// reads without script; the live script only swaps in a fresh copy. Missing is "no scores", never 0.
import { raw } from 'hono/html';
import { ROLE_LABELS, WORKSHOP_ROLES, type OptionResult, type WorkshopResults } from '../domain/workshop.js';
import { StackTable } from './page-parts.js';

const SCORES = ['0', '1', '2', '3', '4', '5'] as const;
const mean = (m: { responses: number; mean: number | null }) => (m.mean === null || m.responses === 0 ? 'no scores' : m.mean.toFixed(1));

/** Six bars, one per score 0-5, their heights the counts; the title gives every count in words. */
export function spreadSvg(o: OptionResult, id: string): string {
  const counts = SCORES.map((s) => o.spread[s] ?? 0);
  const max = Math.max(1, ...counts);
  const words = counts.map((n, i) => `${n} score${n === 1 ? '' : 's'} of ${i}`).join(', ');
  const bars = counts
    .map((n, i) => {
      const h = Math.round((n / max) * 60);
      const x = 10 + i * 38;
      return `<rect x="${x}" y="${74 - h}" width="28" height="${h}" fill="#1d4f91"/><text x="${x + 14}" y="${70 - h}" text-anchor="middle" font-size="12" fill="#0b0c0c">${n}</text><text x="${x + 14}" y="92" text-anchor="middle" font-size="12" fill="#0b0c0c">${i}</text>`;
    })
    .join('');
  return `<svg role="img" aria-labelledby="${id}-t" viewBox="0 0 240 100" width="240" height="100"><title id="${id}-t">Spread of scores: ${words}</title><line x1="4" y1="74.5" x2="236" y2="74.5" stroke="#0b0c0c"/>${bars}</svg>`;
}

/** The totals in one line, for the line a screen reader hears when they change (not the whole table). */
export function liveSummary(r: WorkshopResults): string {
  const scores = r.options.reduce((n, o) => n + o.responses, 0);
  const top = r.options.filter((o) => o.responses > 0 && o.mean !== null).sort((a, b) => b.mean! - a.mean!)[0];
  const people = `${r.participants.total} ${r.participants.total === 1 ? 'person has' : 'people have'} joined`;
  const given = scores ? `${scores} score${scores === 1 ? '' : 's'} so far` : 'no scores yet';
  return `${people}; ${given}${top ? `; highest average ${top.mean!.toFixed(1)}: ${r.options.indexOf(top) + 1}. ${top.title}` : ''}.`;
}

export function LiveTotals(props: { r: WorkshopResults }) {
  const r = props.r;
  const roles = WORKSHOP_ROLES.filter((role) => r.participants.by_role[role] > 0);
  return (
    <>
      <p hidden id="live-summary-next">
        {liveSummary(r)}
      </p>
      <p id="participants">
        <strong>{r.participants.total}</strong> {r.participants.total === 1 ? 'person has' : 'people have'} joined
        {roles.length ? `: ${roles.map((role) => `${ROLE_LABELS[role]} ${r.participants.by_role[role]}`).join(', ')}` : ''}.
      </p>
      <StackTable
        id="totals-table"
        caption="Scores so far: the average of every score (0-5) given to each option, overall and by role"
        columns={[{ label: 'Option' }, { label: 'People', num: true }, { label: 'Scores', num: true }, { label: 'Average', num: true }, ...WORKSHOP_ROLES.map((role) => ({ label: ROLE_LABELS[role], num: true }))]}
        rows={r.options.map((o, i) => ({
          cells: [`${i + 1}. ${o.title}`, String(o.participants), String(o.responses), mean(o), ...WORKSHOP_ROLES.map((role) => mean(o.by_role[role]))],
        }))}
      />
      <h3>What people said</h3>
      {r.options.some((o) => o.comments.length) ? (
        <ul class="option-list" id="approved-comments">
          {r.options
            .filter((o) => o.comments.length)
            .map((o) => (
              <li>
                <p>
                  <strong>
                    {r.options.indexOf(o) + 1}. {o.title}
                  </strong>
                </p>
                {o.comments.map((cm) => (
                  <blockquote>
                    <p>{cm.text}</p>
                    <p class="muted">{ROLE_LABELS[cm.role]}</p>
                  </blockquote>
                ))}
              </li>
            ))}
        </ul>
      ) : (
        <p>No comments have been approved yet.</p>
      )}
      <h3>Spread of the scores</h3>
      <div class="spreads">
        {r.options.map((o, i) => (
          <figure class="spread">
            <figcaption>
              {i + 1}. {o.title}
              {o.responses === 0 ? ': nobody has scored it yet' : ''}
            </figcaption>
            {raw(spreadSvg(o, `spread-${i + 1}`))}
          </figure>
        ))}
      </div>
    </>
  );
}
