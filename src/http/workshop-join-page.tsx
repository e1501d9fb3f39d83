/** @jsxImportSource hono/jsx */
// The participant's pages: type a join code, choose a role, the options with what you have scored, and one option's
// form (each factor on the anchored 0-5 scale in words, an optional comment). Plain forms: no script needed.
import type { Problem } from '../domain/errors.js';
import { ROLE_LABELS, WORKSHOP_ROLES, type ParticipantView, type Workshop, type WorkshopOption } from '../domain/workshop.js';
import { FieldError } from './page-parts.js';
import { Problems, WorkshopLayout } from './workshop-layout-page.js';

/** The join code form: /w, and again with what was typed when no workshop has that code. */
export function JoinCodePage(props: { value?: string; problems?: Problem[] }) {
  const problems = props.problems ?? [];
  return (
    <WorkshopLayout title="Join a workshop" problems={problems}>
      <Problems problems={problems} ids={{ code: 'code' }} />
      <h1>Join a workshop</h1>
      <form class="ws" method="get" action="/w">
        <div class={problems.length ? 'field field-error' : 'field'}>
          <label for="code">
            Workshop code<span class="hint" id="code-hint">The code the facilitator shows or reads out, for example ABCD-2345. Small or capital letters, with or without the dash.</span>
          </label>
          <FieldError id="code" field="code" problems={problems} />
          <input type="text" class="code" id="code" name="code" value={props.value ?? ''} autocomplete="off" autocapitalize="characters" spellcheck={false} aria-describedby={problems.length ? 'code-hint code-error' : 'code-hint'} />
        </div>
        <button type="submit">Join</button>
      </form>
    </WorkshopLayout>
  );
}

export const ROLE_HINTS: Record<string, string> = {
  parent_carer: 'You look after a disabled child or young person',
  young_person: 'You are a child or young person who uses short breaks, or could',
  provider: 'You run or work for a short break service',
  council_officer: 'You work for the council',
  health: 'You work in health, for example the NHS',
  other: 'None of these',
};

/** Choose a role: the only thing a participant is asked about themselves. */
export function RolePage(props: { w: Workshop; problems?: Problem[]; role?: string }) {
  const w = props.w;
  const problems = props.problems ?? [];
  return (
    <WorkshopLayout title={`Join: ${w.title}`} problems={problems}>
      <Problems problems={problems} ids={{ role: `role-${WORKSHOP_ROLES[0]}` }} />
      <h1>{w.title}</h1>
      <p class="lede">
        {w.council_name} wants to know what you think of {w.options.length} ideas for short breaks. You score each idea from 0 to 5 and can
        add a comment. It takes about 10 minutes. We do not ask your name.
      </p>
      {w.status === 'closed' ? <p class="notice">This workshop is closed: scoring has ended.</p> : null}
      <p>
        <a href="?easy=1" id="easy-link">
          Easy read: pictures and short words, for young people
        </a>
      </p>
      <form class="ws" method="post" action={`/w/${w.code}/join`}>
        <fieldset class={problems.length ? 'field-error' : undefined} aria-describedby={problems.length ? 'role-error' : undefined}>
          <legend>
            <h2 class="h3">Which of these best describes you?</h2>
          </legend>
          <FieldError id="role" field="role" problems={problems} />
          <div class="choices">
            {WORKSHOP_ROLES.map((r) => (
              <label class="choice" for={`role-${r}`}>
                <input type="radio" id={`role-${r}`} name="role" value={r} checked={props.role === r} aria-describedby={`role-${r}-hint`} />
                <span>
                  {ROLE_LABELS[r]}
                  <span class="hint" id={`role-${r}-hint`}>
                    {ROLE_HINTS[r]}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit">Start</button>
      </form>
    </WorkshopLayout>
  );
}

/** How far a participant has got with an option: factors scored of all, and whether scoring is open. */
export function progressOf(w: Workshop, view: ParticipantView, o: WorkshopOption) {
  const scored = view.scores.filter((s) => s.option === o.id).length;
  return { scored, of: w.factors.length, open: w.status === 'open' && o.scoring_open };
}

/** The options in order, each with what you have scored and a link to score it (or that scoring is closed). */
export function OptionsPage(props: { w: Workshop; view: ParticipantView; saved?: string; easy?: boolean }) {
  const { w, view } = props;
  const base = props.easy ? `/w/${w.code}/easy` : `/w/${w.code}/options`;
  const done = w.options.filter((o) => progressOf(w, view, o).scored > 0).length;
  const word = props.easy ? 'Idea' : 'Option';
  return (
    <WorkshopLayout title={`Your scores: ${w.title}`}>
      <h1>{w.title}</h1>
      {props.saved ? (
        <p class="notice" role="status">
          {props.saved}
        </p>
      ) : null}
      {w.status === 'closed' ? <p class="notice">This workshop is closed: scoring has ended. Thank you for taking part.</p> : null}
      <p>
        You joined as: <strong>{ROLE_LABELS[view.role]}</strong>. You have scored {done} of {w.options.length} options. You can change a score at
        any time while scoring is open; your new score replaces the old one.
      </p>
      <ol class="option-list">
        {w.options.map((o, i) => {
          const p = progressOf(w, view, o);
          return (
            <li>
              <h2 class="h3">
                {p.open ? <a href={`${base}/${encodeURIComponent(o.id)}`}>{`${word} ${i + 1}: ${o.title}`}</a> : `${word} ${i + 1}: ${o.title}`}
              </h2>
              <p>
                {p.scored === 0 ? 'Not scored yet.' : p.scored === p.of ? <span class="status-tag tag-done">Scored</span> : `${p.scored} of ${p.of} questions scored.`}{' '}
                {p.open ? null : <span class="status-tag tag-closed">Scoring closed</span>}
              </p>
            </li>
          );
        })}
      </ol>
      <p>
        {props.easy ? <a href={`/w/${w.code}`}>See the standard version</a> : <a href={`/w/${w.code}/easy`}>See the easy read version, with pictures</a>}
      </p>
    </WorkshopLayout>
  );
}

/** What a form sent back: its scores by factor and its comment, to show again when there is a problem. */
export interface ScoreValues {
  scores: Record<string, number | undefined>;
  comment: string;
}

/** One option: each factor as a fieldset of the six anchored choices, then the optional comment. */
export function ScorePage(props: { w: Workshop; option: WorkshopOption; values: ScoreValues; problems?: Problem[] }) {
  const { w, option: o, values } = props;
  const problems = props.problems ?? [];
  const n = w.options.findIndex((x) => x.id === o.id) + 1;
  const ids: Record<string, string> = { comment: 'comment', scores: `f-${w.factors[0]?.id}-0` };
  for (const f of w.factors) ids[`f-${f.id}`] = `f-${f.id}-0`;
  const bad = (field: string) => problems.some((p) => p.field === field);
  return (
    <WorkshopLayout title={`Option ${n}: ${o.title}`} problems={problems}>
      <Problems problems={problems} ids={ids} />
      <p>
        <a href={`/w/${w.code}`}>All options</a>
      </p>
      <h1>
        <span class="hint">
          Option {n} of {w.options.length}
        </span>
        {o.title}
      </h1>
      {o.summary ? <p class="lede">{o.summary}</p> : null}
      <form class="score" method="post" action={`/w/${w.code}/options/${encodeURIComponent(o.id)}`} novalidate>
        <FieldError id="scores" field="scores" problems={problems} />
        {w.factors.map((f) => (
          <fieldset class={bad(`f-${f.id}`) ? 'field-error' : undefined} aria-describedby={bad(`f-${f.id}`) ? `f-${f.id}-error` : undefined}>
            <legend>
              {f.title}: {f.question}
            </legend>
            <FieldError id={`f-${f.id}`} field={`f-${f.id}`} problems={problems} />
            <div class="choices">
              {w.scale.map((s) => (
                <label class="choice" for={`f-${f.id}-${s.score}`}>
                  <input type="radio" id={`f-${f.id}-${s.score}`} name={`f-${f.id}`} value={String(s.score)} checked={values.scores[f.id] === s.score} />
                  <span>
                    <strong>{s.score}</strong> {s.means}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div class={bad('comment') ? 'field field-error' : 'field'}>
          <label for="comment">
            Comment on this option (optional)
            <span class="hint" id="comment-hint">
              Do not write names or anything that could say who someone is. The facilitator reads comments before the room sees them.
            </span>
          </label>
          <FieldError id="comment" field="comment" problems={problems} />
          <textarea id="comment" name="comment" rows={4} aria-describedby={bad('comment') ? 'comment-hint comment-error' : 'comment-hint'}>
            {values.comment}
          </textarea>
        </div>
        <button type="submit">Save and go on</button>
      </form>
    </WorkshopLayout>
  );
}
