/** @jsxImportSource hono/jsx */
// The frame of the workshop pages and the form that picks a council, a comparator group, the weights and the pack's
// theme. The choices come from the scoring groups, the dimensions and the pack themes, never typed again here.
import { DIMENSIONS, type Dimension } from '../scoring/config.js';
import { GROUP_KINDS, type GroupKind } from '../scoring/groups.js';
import { THEME_DEFS, THEMES } from '../pack/themes.js';
import type { Problem } from '../domain/errors.js';
import type { CouncilSummary } from '../store/council-reads.js';
import { FieldError, type FieldIds } from './page-parts.js';

type NamedGroup = Exclude<GroupKind, 'custom'>;
const GROUP_LABELS: Record<NamedGroup, string> = {
  sn2025: 'Statistical neighbours (DfE 2025 model)',
  sn2021: 'Statistical neighbours (DfE 2021 model)',
  region: 'Councils in the same region',
  type: 'Councils of the same type',
  'positive-inspection': 'Councils with a typically positive area SEND inspection',
};
/** The named comparator groups (a custom list is the "peers" field), in the scoring's order. */
export const GROUP_CHOICES: Array<[NamedGroup, string]> = GROUP_KINDS.filter((k): k is NamedGroup => k !== 'custom').map((k) => [k, GROUP_LABELS[k]]);
/** The pack themes with their labels from the pack itself. */
export const THEME_CHOICES: Array<[string, string]> = THEMES.map((t) => [t, THEME_DEFS[t].label]);
const DIM_HINT: Record<Dimension, string> = {
  choice: 'range of types and times, providers, ages, self-directed options',
  equity: 'open without assessment, free, reach, provision for need and deprivation',
  quality: 'inspection evidence, provider ratings, complete and current information',
  suitability: 'fit to local ages and primary needs',
};

export interface PickState {
  council: string;
  group: string;
  weights: Record<string, number>;
  theme: string;
  peers?: string;
}

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function Layout(props: { title: string; children: unknown; script?: boolean; feed?: { href: string; title: string } }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/static/site.css" />
        {props.feed ? <link rel="alternate" type="application/atom+xml" title={props.feed.title} href={props.feed.href} /> : null}
        {props.script ? <script src="/static/workshop.js" defer></script> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to main content
        </a>
        <header>
          <p>
            <a href="/">Short breaks benchmark</a>
          </p>
        </header>
        <main id="main">{props.children}</main>
        <footer class="muted">
          <p>
            Every figure links back to its source. "Not found" means not found in what councils publish, not that a council provides
            nothing. Data as JSON and CSV: <a href="/api/openapi.json">the API</a>.
          </p>
          <p>
            <a href="/accessibility">Accessibility statement</a> · <a href="/coverage">What we know about each council</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** The form's fields by the name a problem gives them, and the id of their control (for the error summary's links). */
export const PICK_FIELD_IDS: FieldIds = { council: 'council', group: 'group', peers: 'peers', theme: 'theme', ...Object.fromEntries(DIMENSIONS.map((d) => [d, `w-${d}`])) };

export function PickForm(props: { councils: CouncilSummary[]; state: PickState; enhanced?: boolean; problems?: Problem[] }) {
  const s = props.state;
  const problems = props.problems ?? [];
  const bad = (field: string) => problems.some((p) => p.field === field);
  const wrap = (field: string) => (bad(field) ? 'field field-error' : 'field');
  const describedBy = (field: string, hint?: string) => [hint, bad(field) ? `${PICK_FIELD_IDS[field]}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form class="pick" method="get" action="/compare" data-council={props.enhanced ? s.council : undefined}>
      <div class={wrap('council')}>
        <label for="council">Council</label>
        <FieldError id="council" field="council" problems={problems} />
        <select id="council" name="council" aria-describedby={describedBy('council')}>
          {s.council ? null : <option value="" selected>Choose a council</option>}
          {props.councils.map((c) => (
            <option value={c.code} selected={c.code === s.council}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class={wrap('group')}>
        <label for="group">
          Compare with<span class="hint">The councils to learn from; England and region figures are always shown beside them.</span>
        </label>
        <FieldError id="group" field="group" problems={problems} />
        <select id="group" name="group" aria-describedby={describedBy('group')}>
          {GROUP_CHOICES.map(([v, l]) => (
            <option value={v} selected={v === s.group}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div class={wrap('peers')}>
        <label for="peers">
          Or compare with your own list (optional)<span class="hint">GSS codes or LA numbers separated by commas, e.g. E10000019, 884</span>
        </label>
        <FieldError id="peers" field="peers" problems={problems} />
        <input type="text" id="peers" name="peers" value={s.peers ?? ''} autocomplete="off" aria-describedby={describedBy('peers')} />
      </div>
      <fieldset class={DIMENSIONS.some(bad) ? 'field-error' : undefined}>
        <legend>
          How much each part counts<span class="hint">0 leaves it out; the weights are shared out in proportion.</span>
        </legend>
        {DIMENSIONS.map((d) => (
          <FieldError id={`w-${d}`} field={d} problems={problems} />
        ))}
        <div class="weights">
          {DIMENSIONS.map((d) => (
            <>
              <label for={`w-${d}`}>
                {cap(d)}
                <span class="hint">{DIM_HINT[d]}</span>
              </label>
              <input type="range" id={`w-${d}`} name={d} min="0" max="5" step="1" value={String(s.weights[d] ?? 1)} aria-describedby={describedBy(d, `o-${d}`)} />
              <output id={`o-${d}`} for={`w-${d}`}>
                {String(s.weights[d] ?? 1)}
              </output>
            </>
          ))}
        </div>
      </fieldset>
      <div class={wrap('theme')}>
        <label for="theme">Workshop theme (for the pack)</label>
        <FieldError id="theme" field="theme" problems={problems} />
        <select id="theme" name="theme" aria-describedby={describedBy('theme')}>
          {THEME_CHOICES.map(([v, l]) => (
            <option value={v} selected={v === s.theme}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Compare</button>
    </form>
  );
}
