/** @jsxImportSource hono/jsx */
// The facilitator's pages: the key form, then the room's page (the join code large, the link and its QR code, live
// totals, comments to approve or hide, scoring opened and closed per option, a decision with its reason, options
// reordered, dropped or added, the workshop closed or deleted) and the downloads of "you said, we did".
import type { Problem } from '../domain/errors.js';
import { DECISION_LABELS, DECISIONS, ROLE_LABELS, type Workshop, type WorkshopComment, type WorkshopResults } from '../domain/workshop.js';
import { FieldError } from './page-parts.js';
import { Problems, WorkshopLayout } from './workshop-layout-page.js';
import { LiveTotals, liveSummary } from './workshop-live-page.js';
import { JoinBox } from './workshop-room-page.js';

export function FacilitatorKeyPage(props: { code: string; problems?: Problem[] }) {
  const problems = props.problems ?? [];
  return (
    <WorkshopLayout title={`Facilitate workshop ${props.code}`} problems={problems}>
      <Problems problems={problems} ids={{ key: 'key' }} />
      <h1>Facilitate workshop {props.code}</h1>
      <p>Enter the facilitator key you were given when the workshop was made. This device remembers it for this workshop.</p>
      <form class="ws" method="post" action={`/w/${props.code}/facilitate/key`}>
        <div class={problems.length ? 'field field-error' : 'field'}>
          <label for="key">Facilitator key</label>
          <FieldError id="key" field="key" problems={problems} />
          <input type="password" id="key" name="key" autocomplete="off" aria-describedby={problems.length ? 'key-error' : undefined} />
        </div>
        <button type="submit">Continue</button>
      </form>
    </WorkshopLayout>
  );
}

/** What a facilitator's form sent, shown again beside a problem. */
export interface FacilitateValues {
  decision?: { option: string; decision?: string; reason: string };
  add?: { title: string; summary: string };
}

function Comments(props: { w: Workshop; comments: WorkshopComment[] }) {
  const { w } = props;
  const title = (id: string) => w.options.find((o) => o.id === id)?.title ?? id;
  const pending = props.comments.filter((c) => c.status === 'pending');
  const shown = props.comments.filter((c) => c.status !== 'pending');
  const Item = (p: { c: WorkshopComment }) => (
    <li class="card">
      <blockquote>
        <p>{p.c.text}</p>
      </blockquote>
      <p class="muted">
        {ROLE_LABELS[p.c.role]}, on {title(p.c.option)}. {p.c.status === 'approved' ? 'Shown to the room.' : p.c.status === 'hidden' ? 'Hidden.' : 'Waiting.'}
      </p>
      <div class="actions">
        {p.c.status !== 'approved' ? (
          <form method="post" action={`/w/${w.code}/facilitate/comments/${encodeURIComponent(p.c.id)}`}>
            <input type="hidden" name="status" value="approved" />
            <button type="submit">Approve</button>
          </form>
        ) : null}
        {p.c.status !== 'hidden' ? (
          <form method="post" action={`/w/${w.code}/facilitate/comments/${encodeURIComponent(p.c.id)}`}>
            <input type="hidden" name="status" value="hidden" />
            <button type="submit" class="secondary">
              Hide
            </button>
          </form>
        ) : null}
      </div>
    </li>
  );
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">Comments</h2>
      <p>Nobody else sees a comment until you approve it.</p>
      <h3>Waiting for you ({pending.length})</h3>
      {pending.length ? (
        <ul class="option-list" id="pending-comments">
          {pending.map((c) => (
            <Item c={c} />
          ))}
        </ul>
      ) : (
        <p>No comments are waiting.</p>
      )}
      {shown.length ? (
        <details>
          <summary>Approved and hidden comments ({shown.length})</summary>
          <ul class="option-list">
            {shown.map((c) => (
              <Item c={c} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function OptionCard(props: { w: Workshop; i: number; problems: Problem[]; values: FacilitateValues }) {
  const { w, i, problems } = props;
  const o = w.options[i]!;
  const n = i + 1;
  const mine = props.values.decision?.option === o.id ? props.values.decision : undefined;
  const chosen = mine ? mine.decision : o.decision?.decision;
  const reason = mine ? mine.reason : (o.decision?.reason ?? '');
  const bad = (field: string) => problems.some((p) => p.field === field);
  const action = (what: string) => `/w/${w.code}/facilitate/options/${encodeURIComponent(o.id)}/${what}`;
  return (
    <li class="card" id={`option-${n}`}>
      <h3>
        {n}. {o.title}
      </h3>
      {o.summary ? <p>{o.summary}</p> : null}
      <p>
        Scoring is <strong>{o.scoring_open ? 'open' : 'closed'}</strong>. Decision: <strong>{o.decision ? DECISION_LABELS[o.decision.decision] : 'none yet'}</strong>
      </p>
      <div class="actions">
        <form method="post" action={action('scoring')}>
          <input type="hidden" name="open" value={o.scoring_open ? '0' : '1'} />
          <button type="submit" class="secondary">
            {o.scoring_open ? `Close scoring on option ${n}` : `Open scoring on option ${n}`}
          </button>
        </form>
        {i > 0 ? (
          <form method="post" action={action('move')}>
            <input type="hidden" name="to" value="up" />
            <button type="submit" class="secondary">
              Move up<span class="visually-hidden"> option {n}</span>
            </button>
          </form>
        ) : null}
        {i < w.options.length - 1 ? (
          <form method="post" action={action('move')}>
            <input type="hidden" name="to" value="down" />
            <button type="submit" class="secondary">
              Move down<span class="visually-hidden"> option {n}</span>
            </button>
          </form>
        ) : null}
        <form method="post" action={action('drop')}>
          <button type="submit" class="warning">
            Drop<span class="visually-hidden"> option {n}</span>
          </button>
        </form>
      </div>
      <form class="ws" method="post" action={action('decision')}>
        <fieldset class={bad(`decision-${n}`) ? 'field-error' : undefined}>
          <legend>Decision on option {n}</legend>
          <FieldError id={`decision-${n}`} field={`decision-${n}`} problems={problems} />
          <div class="choices">
            {DECISIONS.map((d) => (
              <label class="choice" for={`decision-${n}-${d}`}>
                <input type="radio" id={`decision-${n}-${d}`} name="decision" value={d} checked={chosen === d} />
                <span>{DECISION_LABELS[d]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div class={bad(`reason-${n}`) ? 'field field-error' : 'field'}>
          <label for={`reason-${n}`}>
            Why (families will read this)<span class="hint">In plain words: what the room said and what happens next.</span>
          </label>
          <FieldError id={`reason-${n}`} field={`reason-${n}`} problems={problems} />
          <textarea id={`reason-${n}`} name="reason" rows={3} aria-describedby={bad(`reason-${n}`) ? `reason-${n}-error` : undefined}>
            {reason}
          </textarea>
        </div>
        <button type="submit">Save the decision on option {n}</button>
      </form>
    </li>
  );
}

export function FacilitatePage(props: {
  w: Workshop;
  r: WorkshopResults;
  comments: WorkshopComment[];
  joinUrl: string;
  qr: string;
  live: { src: string; events?: string };
  problems?: Problem[];
  values?: FacilitateValues;
  notice?: string;
}) {
  const { w, r } = props;
  const problems = props.problems ?? [];
  const values = props.values ?? {};
  const ids: Record<string, string> = { 'add-title': 'add-title', 'add-summary': 'add-summary' };
  w.options.forEach((_o, i) => {
    ids[`decision-${i + 1}`] = `decision-${i + 1}-${DECISIONS[0]}`;
    ids[`reason-${i + 1}`] = `reason-${i + 1}`;
  });
  const base = `/w/${w.code}`;
  return (
    <WorkshopLayout title={`Facilitate: ${w.title}`} live problems={problems}>
      <Problems problems={problems} ids={ids} />
      <h1>Facilitate: {w.title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        {w.council_name}. The workshop is <strong>{w.status === 'open' ? 'open' : 'closed'}</strong>.
      </p>
      <JoinBox code={w.code} joinUrl={props.joinUrl} qr={props.qr} />
      <p>
        <a href={`${base}/facilitate/room`} id="room-link">
          Show to the room: the code, the totals and approved comments only, no controls
        </a>
      </p>
      <h2 id="downloads">You said, we did</h2>
      <p>The document for families and children: scores by role, approved comments only, and each decision with its reason.</p>
      <ul class="downloads">
        <li>
          <a href={`${base}/you-said-we-did.html`}>Web page</a>
        </li>
        <li>
          <a href={`${base}/you-said-we-did.pdf`}>PDF</a>
        </li>
        <li>
          <a href={`${base}/you-said-we-did-easy-read.html`}>Easy read</a>
        </li>
        <li>
          <a href={`${base}/you-said-we-did-easy-read.pdf`}>Easy read PDF</a>
        </li>
      </ul>
      <h2 id="totals">Live totals</h2>
      <p id="live-status" class="muted live-status" role="status"></p>
      <p id="live-summary" class="muted" aria-live="polite" aria-atomic="true">
        {liveSummary(r)}
      </p>
      <div id="live" data-src={props.live.src} data-events={props.live.events} data-version={r.version}>
        <LiveTotals r={r} />
      </div>
      <p>
        <a href={`${base}/facilitate#totals`}>Refresh the totals</a>
      </p>
      <Comments w={w} comments={props.comments} />
      <h2 id="options">Options</h2>
      <ol class="option-list">
        {w.options.map((_o, i) => (
          <OptionCard w={w} i={i} problems={problems} values={values} />
        ))}
      </ol>
      <h2 id="add">Add an option</h2>
      <form class="ws" method="post" action={`${base}/facilitate/options`}>
        <div class={problems.some((p) => p.field === 'add-title') ? 'field field-error' : 'field'}>
          <label for="add-title">Title</label>
          <FieldError id="add-title" field="add-title" problems={problems} />
          <input type="text" id="add-title" name="title" value={values.add?.title ?? ''} />
        </div>
        <div class="field">
          <label for="add-summary">What would change (optional)</label>
          <textarea id="add-summary" name="summary" rows={2}>
            {values.add?.summary ?? ''}
          </textarea>
        </div>
        <button type="submit">Add the option</button>
      </form>
      <h2 id="end">End the workshop</h2>
      {w.status === 'open' ? (
        <form method="post" action={`${base}/facilitate/close`}>
          <p>Closing stops all scoring. Results and the documents stay.</p>
          <button type="submit" class="secondary">
            Close the workshop
          </button>
        </form>
      ) : (
        <p>The workshop is closed.</p>
      )}
      <p>
        <a href={`${base}/facilitate/delete`}>Delete the workshop and everything in it</a>
      </p>
    </WorkshopLayout>
  );
}

export function DeleteConfirmPage(props: { w: Workshop }) {
  const w = props.w;
  return (
    <WorkshopLayout title={`Delete ${w.title}?`}>
      <h1>Delete {w.title}?</h1>
      <p class="warn">
        This deletes the workshop {w.code}, its options, every score, every comment and every decision. It cannot be undone. Download "you said,
        we did" first if you need it.
      </p>
      <form method="post" action={`/w/${w.code}/facilitate/delete`}>
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="warning">
          Yes, delete it
        </button>
      </form>
      <p>
        <a href={`/w/${w.code}/facilitate`}>No, go back</a>
      </p>
    </WorkshopLayout>
  );
}
