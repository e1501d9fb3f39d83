/** @jsxImportSource hono/jsx */
// The pages for workshop leads: pick a council, a comparator group and the weights; see the comparison, how
// robust the ranking is, the gaps with exemplars and their sources; preview and download the pack. Server-rendered
// and usable without JavaScript; JSX escapes every text, scraped text included.
import type { CompareResult, GapsResult } from '../scoring/compare.js';
import { DIMENSIONS } from '../scoring/config.js';
import { positionSentence } from '../scoring/present.js';
import type { CouncilSummary } from '../store/council-reads.js';

export const GROUP_CHOICES: Array<[string, string]> = [
  ['sn2025', 'Statistical neighbours (DfE 2025 model)'],
  ['sn2021', 'Statistical neighbours (DfE 2021 model)'],
  ['region', 'Councils in the same region'],
  ['type', 'Councils of the same type'],
  ['positive-inspection', 'Councils with a typically positive area SEND inspection'],
];
export const THEME_CHOICES: Array<[string, string]> = [
  ['all', 'The whole short breaks offer'],
  ['holidays', 'School holidays'],
  ['overnight', 'Overnight breaks'],
  ['access', 'How families get short breaks (gates, tiers, charges)'],
];
const DIM_HINT: Record<string, string> = {
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

const TYPE_LABEL: Record<string, string> = { county: 'County', unitary: 'Unitary', metropolitan_district: 'Metropolitan district', london_borough: 'London borough' };
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(1));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${Math.round(v * 100)}%`);

function Layout(props: { title: string; children: unknown; script?: boolean }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/static/site.css" />
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
        </footer>
      </body>
    </html>
  );
}

export function PickForm(props: { councils: CouncilSummary[]; state: PickState; enhanced?: boolean }) {
  const s = props.state;
  return (
    <form class="pick" method="get" action="/compare" data-council={props.enhanced ? s.council : undefined}>
      <div>
        <label for="council">Council</label>
        <select id="council" name="council">
          {props.councils.map((c) => (
            <option value={c.code} selected={c.code === s.council}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="group">
          Compare with<span class="hint">The councils to learn from; England and region figures are always shown beside them.</span>
        </label>
        <select id="group" name="group">
          {GROUP_CHOICES.map(([v, l]) => (
            <option value={v} selected={v === s.group}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="peers">
          Or compare with your own list (optional)<span class="hint">GSS codes or LA numbers separated by commas, e.g. E10000019, 884</span>
        </label>
        <input type="text" id="peers" name="peers" value={s.peers ?? ''} autocomplete="off" />
      </div>
      <fieldset>
        <legend>
          How much each part counts<span class="hint">0 leaves it out; the weights are shared out in proportion.</span>
        </legend>
        <div class="weights">
          {DIMENSIONS.map((d) => (
            <>
              <label for={`w-${d}`}>
                {cap(d)}
                <span class="hint">{DIM_HINT[d]}</span>
              </label>
              <input type="range" id={`w-${d}`} name={d} min="0" max="5" step="1" value={String(s.weights[d] ?? 1)} aria-describedby={`o-${d}`} />
              <output id={`o-${d}`} for={`w-${d}`}>
                {String(s.weights[d] ?? 1)}
              </output>
            </>
          ))}
        </div>
      </fieldset>
      <div>
        <label for="theme">Workshop theme (for the pack)</label>
        <select id="theme" name="theme">
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

export function StartPage(props: { councils: CouncilSummary[]; taxonomyVersion: string | undefined; builtAt: string | undefined; state: PickState }) {
  const withData = props.councils.filter((c) => c.offer_count + c.fact_count > 0).length;
  return (
    <Layout title="Short breaks benchmark: compare a council's short breaks" script>
      <h1>Compare a council's short breaks</h1>
      <p class="lede">
        Choose a council, the councils to compare it with and how much each part of the offer counts. You will see how the offer
        compares, how robust that is to the weights, what other councils do that it does not, and a pack to take into a
        co-production workshop.
      </p>
      <PickForm councils={props.councils} state={props.state} />
      <h2 id="councils">Councils</h2>
      <p>
        {props.councils.length} councils; {withData} with curated or scraped facts so far. Data as JSON:{' '}
        <a href="/api/councils">/api/councils</a>, as CSV: <a href="/api/councils.csv">/api/councils.csv</a>.
      </p>
      <div class="table-wrap" tabindex={0} role="region" aria-label="Councils (scrolls sideways on small screens)">
      <table>
        <caption>Councils with children's services duties in England</caption>
        <thead>
          <tr>
            <th scope="col">Council</th>
            <th scope="col">Code</th>
            <th scope="col">Type</th>
            <th scope="col">Region</th>
            <th scope="col" class="num">
              Offers
            </th>
            <th scope="col" class="num">
              Council facts
            </th>
          </tr>
        </thead>
        <tbody>
          {props.councils.map((c) => (
            <tr>
              <th scope="row">
                <a href={`/api/councils/${c.code}`}>{c.name}</a>
              </th>
              <td>{c.code}</td>
              <td>{TYPE_LABEL[c.type] ?? c.type}</td>
              <td>{c.region_name}</td>
              <td class="num">{c.offer_count === 0 ? <span class="muted">none found yet</span> : c.offer_count}</td>
              <td class="num">{c.fact_count === 0 ? <span class="muted">none found yet</span> : c.fact_count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <p class="muted">
        Taxonomy {props.taxonomyVersion ?? 'unknown'}; database built {props.builtAt ?? 'at an unknown time'}. Reference data: Open
        Government Licence v3.0 and CC-BY-4.0.
      </p>
    </Layout>
  );
}

export function ComparePage(props: { councils: CouncilSummary[]; state: PickState; compare: CompareResult; gaps: GapsResult; packs: boolean; packQuery: string }) {
  const r = props.compare;
  const g = props.gaps.analysis;
  const code = r.council.code;
  const sens = new Map(r.sensitivity.members.map((m) => [m.code, m]));
  const ranked = r.members.filter((m) => m.rank !== null);
  return (
    <Layout title={`${r.council.name} compared with ${r.group.name}: short breaks benchmark`} script>
      <h1>
        {r.council.name}: compared with {r.group.name}
      </h1>
      <p class="muted">
        {r.group.reason} Method {r.method_version}, taxonomy {r.taxonomy_version}, data as of {r.data_date ?? 'an unknown date'}.
      </p>
      <PickForm councils={props.councils} state={props.state} enhanced />
      <p id="live-status" class="muted" role="status" aria-live="polite"></p>
      <h2>How the offer compares</h2>
      <p id="position" class="position">
        {positionSentence(r)}
      </p>
      <div class="table-wrap" tabindex={0} role="region" aria-label="Ranking (scrolls sideways on small screens)">
      <table id="ranking">
        <caption>
          Scores 0-100 within the group (100 = best in the group on that part). Evidence is the share of the weighted inputs that
          are known; a council is ranked only when it is at least {pct(r.min_coverage_to_rank)}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Council</th>
            <th scope="col" class="num">
              Overall
            </th>
            {DIMENSIONS.map((d) => (
              <th scope="col" class="num">
                {cap(d)}
              </th>
            ))}
            <th scope="col" class="num">
              Evidence
            </th>
            <th scope="col" class="num">
              Keeps its rank
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {r.members.map((m) => (
            <tr class={m.is_local ? 'local' : undefined}>
              <td>{m.rank === null ? 'not ranked' : String(m.rank)}</td>
              <th scope="row">
                {m.name}
                {m.is_local ? ' (your council)' : ''}
              </th>
              <td class="num">{fmt(m.composite)}</td>
              {DIMENSIONS.map((d) => (
                <td class="num">{fmt(m.dimensions[d].score)}</td>
              ))}
              <td class="num">{pct(m.coverage)}</td>
              <td class="num">{m.rank === null ? '-' : pct(sens.get(m.code)?.p_same_rank)}</td>
              <td>{m.unranked_reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {ranked.length > 1 && r.sensitivity.settings.samples > 0 ? (
        <div class="table-wrap" tabindex={0} role="region" aria-label="Rank probabilities (scrolls sideways on small screens)">
        <table id="sensitivity">
          <caption>
            How likely each rank is when the weights vary around the chosen ones ({r.sensitivity.settings.samples.toLocaleString('en-GB')}{' '}
            samples)
          </caption>
          <thead>
            <tr>
              <th scope="col">Council</th>
              {ranked.map((_m, i) => (
                <th scope="col" class="num">
                  Rank {i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranked.map((m) => (
              <tr class={m.is_local ? 'local' : undefined}>
                <th scope="row">{m.name}</th>
                {ranked.map((_x, i) => (
                  <td class="num">{pct(sens.get(m.code)?.p_rank[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      {r.warnings.length ? (
        <div class="warn">
          <h3>Read with care</h3>
          <ul>
            {r.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>What others offer that {r.council.name} does not</h2>
      {g.notes.map((n) => (
        <p class="warn">{n}</p>
      ))}
      {g.gaps.length ? (
        <ul class="gaps">
          {g.gaps.slice(0, 12).map((x) => (
            <li>
              <strong>
                {x.type_label}, {x.slot_label}
              </strong>
              : offered by {x.peers.map((p) => p.name).join(', ')}.
              {x.exemplars[0] ? (
                <>
                  {' '}
                  For example{' '}
                  <a href={x.exemplars[0].source.url} rel="noopener noreferrer">
                    {x.exemplars[0].name}
                  </a>{' '}
                  ({x.exemplars[0].council_name}; retrieved {x.exemplars[0].retrieved}
                  {x.exemplars[0].published ? `, published ${x.exemplars[0].published}` : ', publication date not stated'}).
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No cell of the grid is covered by the comparators and not by {r.council.name} in the data.</p>
      )}
      <h2>Take it into the workshop</h2>
      {props.packs ? (
        <ul class="downloads">
          <li>
            <a data-pack="html" href={`/api/packs/${code}.html${props.packQuery}`}>
              Preview the pack (web page)
            </a>
          </li>
          <li>
            <a data-pack="zip" href={`/api/packs/${code}.zip${props.packQuery}`}>
              Download the pack (ZIP: web page, PDF, easy read, data annex)
            </a>
          </li>
          <li>
            <a data-pack="pdf" href={`/api/packs/${code}.pdf${props.packQuery}`}>
              Download the PDF
            </a>
          </li>
        </ul>
      ) : (
        <p>Packs are built where the service runs on Node (sbb serve); this server cannot build them.</p>
      )}
      <p>
        The same comparison as data: <a href={`/api/compare/${code}${props.packQuery.replace(/&?theme=[^&]*/, '')}`}>JSON</a>,{' '}
        <a href={`/api/compare/${code}.csv${props.packQuery.replace(/&?theme=[^&]*/, '')}`}>CSV</a>.
      </p>
    </Layout>
  );
}

export function ErrorPage(props: { title: string; message: string; councils: CouncilSummary[]; state: PickState }) {
  return (
    <Layout title={`${props.title}: short breaks benchmark`}>
      <h1>{props.title}</h1>
      <div class="error" role="alert">
        <p>{props.message}</p>
      </div>
      <PickForm councils={props.councils} state={props.state} />
    </Layout>
  );
}
