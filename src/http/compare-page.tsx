/** @jsxImportSource hono/jsx */
// The comparison page for workshop leads: the ranking, how robust it is to the weights, the gaps with exemplars and
// their sources, and the pack downloads. Server-rendered and usable without JavaScript.
import type { CompareResult, GapsResult } from '../scoring/compare.js';
import { DIMENSIONS } from '../scoring/config.js';
import { positionSentence } from '../scoring/present.js';
import type { CouncilSummary } from '../store/council-reads.js';
import { cap, Layout, PickForm, type PickState } from './workshop-form.js';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(1));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${Math.round(v * 100)}%`);

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
