/** @jsxImportSource hono/jsx */
// The easy-read way through for young people: a start page with one button, then one idea per screen with its
// picture, each question in a few words and six faces with words (0-5), "I don't know" kept as not scored.
import { raw } from 'hono/html';
import type { Problem } from '../domain/errors.js';
import type { Workshop, WorkshopOption } from '../domain/workshop.js';
import { EASY_QUESTIONS, EASY_SCALE, optionPicture, scoreFace } from '../pack/you-said-pictures.js';
import { FieldError } from './page-parts.js';
import type { ScoreValues } from './workshop-join-page.js';
import { Problems, WorkshopLayout } from './workshop-layout-page.js';

/** The easy-read start: who is asking, what happens, one button (it joins as a young person). */
export function EasyStartPage(props: { w: Workshop }) {
  const w = props.w;
  return (
    <WorkshopLayout title={`Easy read: ${w.title}`}>
      <div class="easy">
        <h1>Tell us what you think</h1>
        <p>{w.council_name} wants to make short breaks better.</p>
        <p>Short breaks are time to do things you enjoy.</p>
        <p>We will show you {w.options.length} ideas.</p>
        <p>You choose a face for each question.</p>
        <p>There are no wrong answers.</p>
        <p>We do not ask your name.</p>
        {w.status === 'closed' ? (
          <p class="notice">This workshop has finished. Thank you.</p>
        ) : (
          <form method="post" action={`/w/${w.code}/join`}>
            <input type="hidden" name="role" value="young_person" />
            <input type="hidden" name="easy" value="1" />
            <button type="submit">Start</button>
          </form>
        )}
        <p>
          <a href={`/w/${w.code}`}>Not a young person? Use the standard version</a>
        </p>
      </div>
    </WorkshopLayout>
  );
}

/** One idea on one screen: its picture, what it means, a question per factor with faces and words. */
export function EasyScorePage(props: { w: Workshop; option: WorkshopOption; values: ScoreValues; problems?: Problem[] }) {
  const { w, option: o, values } = props;
  const problems = props.problems ?? [];
  const n = w.options.findIndex((x) => x.id === o.id) + 1;
  const ids: Record<string, string> = { comment: 'comment' };
  for (const f of w.factors) ids[`f-${f.id}`] = `f-${f.id}-x`;
  return (
    <WorkshopLayout title={`Idea ${n}: ${o.title} (easy read)`} problems={problems}>
      <Problems problems={problems} ids={ids} />
      <div class="easy">
        <p>
          <a href={`/w/${w.code}/easy`}>All ideas</a>
        </p>
        <div class="easy-idea">
          {raw(optionPicture(o, `idea-${n}-pic`))}
          <h1>
            Idea {n} of {w.options.length}: {o.title}
          </h1>
          <p>{o.easy_read ?? o.summary}</p>
        </div>
        <form class="score" method="post" action={`/w/${w.code}/easy/${encodeURIComponent(o.id)}`} novalidate>
          {w.factors.map((f) => (
            <fieldset>
              <legend>{EASY_QUESTIONS[f.id] ?? f.question}</legend>
              <FieldError id={`f-${f.id}`} field={`f-${f.id}`} problems={problems} />
              <div class="choices">
                <label class="choice" for={`f-${f.id}-x`}>
                  <input type="radio" id={`f-${f.id}-x`} name={`f-${f.id}`} value="" checked={values.scores[f.id] === undefined} />
                  <span>I don't know</span>
                </label>
                {EASY_SCALE.map((s) => (
                  <label class="choice" for={`f-${f.id}-${s.score}`}>
                    <input type="radio" id={`f-${f.id}-${s.score}`} name={`f-${f.id}`} value={String(s.score)} checked={values.scores[f.id] === s.score} />
                    {raw(scoreFace(s.score))}
                    <span>{s.words}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div class="field">
            <label for="comment">
              Anything else you want to tell us? (you do not have to)
              <span class="hint" id="comment-hint">
                Please do not write names.
              </span>
            </label>
            <FieldError id="comment" field="comment" problems={problems} />
            <textarea id="comment" name="comment" rows={3} aria-describedby="comment-hint">
              {values.comment}
            </textarea>
          </div>
          <button type="submit">{n < w.options.length ? 'Next idea' : 'Finish'}</button>
        </form>
      </div>
    </WorkshopLayout>
  );
}
