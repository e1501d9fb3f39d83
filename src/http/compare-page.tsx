/** @jsxImportSource hono/jsx */
// The comparison page, results first: where the council stands and how robust that is, its own offer in a few lines,
// the ranked councils (a table and an SVG chart), the unranked ones with only what is known and why they are not
// ranked, every measure beside the group, region and England, the gaps, the pack; the form to change it comes last.
import type { Problem } from '../domain/errors.js';
import type { CompareResult, GapsResult } from '../scoring/compare.js';
import { DIMENSIONS } from '../scoring/config.js';
import { METRICS } from '../scoring/metric-defs.js';
import { formatMetric, positionSentence } from '../scoring/present.js';
import type { CouncilSummary } from '../store/council-reads.js';
import { ErrorSummary, SourceLink, StackTable } from './page-parts.js';
import { ScoreChart } from './score-chart.js';
import { cap, Layout, PICK_FIELD_IDS, PickForm, type PickState } from './workshop-form.js';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(1));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${Math.round(v * 100)}%`);

/** A council's name, linked to its page; the local council is marked as yours. */
const CouncilName = (props: { m: { code: string; name: string; is_local: boolean } }) => (
  <>
    <a href={`/councils/${props.m.code}`}>{props.m.name}</a>
    {props.m.is_local ? ' (your council)' : ''}
  </>
);

function Ranking(props: { r: CompareResult }) {
  const r = props.r;
  const sens = new Map(r.sensitivity.members.map((m) => [m.code, m]));
  const ranked = r.members.filter((m) => m.rank !== null);
  if (!ranked.length) return <p id="ranking">No council in this group can be ranked on the evidence held.</p>;
  return (
    <StackTable
      id="ranking"
      caption={`Ranked councils: scores 0-100 within the group (100 = best in the group on that part); ranked only with at least ${pct(r.min_coverage_to_rank)} evidence`}
      columns={[{ label: 'Council' }, { label: 'Rank', num: true }, { label: 'Overall', num: true }, ...DIMENSIONS.map((d) => ({ label: cap(d), num: true })), { label: 'Evidence', num: true }, { label: 'Keeps its rank', num: true }]}
      rows={ranked.map((m) => ({
        class: m.is_local ? 'local' : undefined,
        cells: [
          <CouncilName m={m} />,
          String(m.rank),
          fmt(m.composite),
          ...DIMENSIONS.map((d) => fmt(m.dimensions[d].score)),
          pct(m.coverage),
          r.sensitivity.settings.samples ? pct(sens.get(m.code)?.p_same_rank) : '-',
        ],
      }))}
    />
  );
}

function Unranked(props: { r: CompareResult }) {
  const unranked = props.r.members.filter((m) => m.rank === null);
  if (!unranked.length) return null;
  return (
    <StackTable
      id="unranked"
      caption="Not ranked: too little is known for an overall score or a rank. What is known"
      columns={[{ label: 'Council' }, { label: 'Evidence', num: true }, { label: 'Offers found', num: true }, { label: 'Measures known', wide: true }, { label: 'Why not ranked', wide: true }]}
      rows={unranked.map((m) => {
        const known = METRICS.filter((d) => m.metrics[d.id]?.value !== null && m.metrics[d.id]?.value !== undefined);
        return {
          class: m.is_local ? 'local' : undefined,
          cells: [
            <CouncilName m={m} />,
            pct(m.coverage),
            String(m.offers_found),
            `${known.length} of ${METRICS.length}${known.length ? `: ${known.map((d) => d.label).join('; ')}` : ''}`,
            m.unranked_reason ?? 'too little evidence',
          ],
        };
      })}
    />
  );
}

function Sensitivity(props: { r: CompareResult }) {
  const r = props.r;
  const ranked = r.members.filter((m) => m.rank !== null);
  if (ranked.length < 2 || !r.sensitivity.settings.samples) return null;
  const sens = new Map(r.sensitivity.members.map((m) => [m.code, m]));
  return (
    <StackTable
      id="sensitivity"
      caption={`How likely each rank is when the weights vary around the chosen ones (${r.sensitivity.settings.samples.toLocaleString('en-GB')} samples)`}
      columns={[{ label: 'Council' }, ...ranked.map((_m, i) => ({ label: `Rank ${i + 1}`, num: true }))]}
      rows={ranked.map((m) => ({ class: m.is_local ? 'local' : undefined, cells: [m.name, ...ranked.map((_x, i) => pct(sens.get(m.code)?.p_rank[i] ?? 0))] }))}
    />
  );
}

function Measures(props: { r: CompareResult }) {
  const r = props.r;
  return (
    <StackTable
      id="measures"
      caption={`Each measure for ${r.council.name} beside the medians of the group, the ${r.council.region_name} region and England ("not known" is missing, never zero)`}
      columns={[{ label: 'Measure' }, { label: r.council.name, num: true }, { label: 'Group median', num: true }, { label: 'Region median', num: true }, { label: 'England median', num: true }, { label: 'Known in group', num: true }]}
      rows={r.context.metrics.map((m) => ({
        cells: [m.label, formatMetric(m.id, m.local), formatMetric(m.id, m.group_median), formatMetric(m.id, m.region_median), formatMetric(m.id, m.england_median), `${m.known_in_group} of ${r.members.length}`],
      }))}
    />
  );
}

function Figures(props: { r: CompareResult }) {
  const r = props.r;
  const num = (v: number | null) => (v === null ? 'not known' : Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(1));
  return (
    <StackTable
      id="figures"
      caption={`Local context: ${r.council.name} beside the group's median, the ${r.council.region_name} region and England (latest published figures)`}
      columns={[{ label: 'Figure' }, { label: r.council.name, num: true }, { label: 'Group median', num: true }, { label: 'Region', num: true }, { label: 'England', num: true }, { label: 'Period' }]}
      rows={r.context.figures.map((f) => ({ cells: [f.label, num(f.local), num(f.group_median), num(f.region), num(f.england), f.period ?? 'not known'] }))}
    />
  );
}

function Gaps(props: { r: CompareResult; gaps: GapsResult }) {
  const g = props.gaps.analysis;
  const name = props.r.council.name;
  return (
    <>
      <h2>What others offer that {name} does not</h2>
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
                  <SourceLink url={x.exemplars[0].source.url} text={x.exemplars[0].name} />{' '}
                  ({x.exemplars[0].council_name}; read {x.exemplars[0].retrieved}
                  {x.exemplars[0].published ? `, published ${x.exemplars[0].published}` : ', publication date not stated'}).
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No cell of the grid is covered by the comparators and not by {name} in the data.</p>
      )}
    </>
  );
}

function Downloads(props: { code: string; packs: boolean; packQuery: string }) {
  const { code, packQuery } = props;
  const dataQuery = packQuery.replace(/&?theme=[^&]*/, '');
  return (
    <>
      <h2 id="downloads">Take it into the workshop</h2>
      {props.packs ? (
        <ul class="downloads">
          <li>
            <a data-pack="html" href={`/api/packs/${code}.html${packQuery}`}>
              Preview the pack (web page)
            </a>
          </li>
          <li>
            <a data-pack="zip" href={`/api/packs/${code}.zip${packQuery}`}>
              Download the pack (ZIP: web page, PDF, easy read, data annex)
            </a>
          </li>
          <li>
            <a data-pack="pdf" href={`/api/packs/${code}.pdf${packQuery}`}>
              Download the PDF
            </a>
          </li>
        </ul>
      ) : (
        <p>Packs are built where the service runs on Node (sbb serve); this server cannot build them.</p>
      )}
      <p>
        The same comparison as data: <a href={`/api/compare/${code}${dataQuery}`}>JSON</a>, <a href={`/api/compare/${code}.csv${dataQuery}`}>CSV</a>.
      </p>
      <ul class="downloads">
        <li>
          <a id="run-workshop" href={`/workshops/new?council=${code}&${packQuery.slice(1)}`}>
            Run a workshop from this comparison (the room scores the options live)
          </a>
        </li>
      </ul>
    </>
  );
}

export function ComparePage(props: { councils: CouncilSummary[]; state: PickState; compare: CompareResult; gaps: GapsResult; ownOffer: string[]; packs: boolean; packQuery: string }) {
  const r = props.compare;
  const code = r.council.code;
  return (
    <Layout title={`${r.council.name} compared with ${r.group.name}: short breaks benchmark`} script>
      <h1>
        {r.council.name}: compared with {r.group.name}
      </h1>
      <p class="muted">
        {r.group.reason} Method {r.method_version}, taxonomy {r.taxonomy_version}, data as of {r.data_date ?? 'an unknown date'}.{' '}
        <a href={`/councils/${code}`}>Everything about {r.council.name}</a>.
      </p>
      <p id="live-status" class="muted" role="status" aria-live="polite"></p>
      <div id="results">
        <p id="position" class="position">
          {positionSentence(r)}
        </p>
        {r.warnings.length ? (
          <div class="warn">
            <h2 class="h3">Read with care</h2>
            <ul>
              {r.warnings.map((w) => (
                <li>{w}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <h2>What {r.council.name} offers</h2>
        <ul id="own-offer">
          {props.ownOffer.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
        <h2>How the offer compares</h2>
        <p>
          Evidence is the share of a council's weighted inputs that are known. A council is ranked, and given an overall score, only
          when its evidence is at least {pct(r.min_coverage_to_rank)}; the others are listed apart with what is known about them.
        </p>
        <ScoreChart compare={r} />
        <Ranking r={r} />
        <Unranked r={r} />
        <Sensitivity r={r} />
        <h2>Measure by measure</h2>
        <Measures r={r} />
        <Figures r={r} />
        <Gaps r={r} gaps={props.gaps} />
        <Downloads code={code} packs={props.packs} packQuery={props.packQuery} />
      </div>
      <h2>Change the comparison</h2>
      <PickForm councils={props.councils} state={props.state} enhanced />
    </Layout>
  );
}

/** The form again, as it was sent, under GOV.UK's "There is a problem" summary linking to each field in error. */
export function CompareFormErrorPage(props: { councils: CouncilSummary[]; state: PickState; problems: Problem[] }) {
  return (
    <Layout title="Error: compare a council's short breaks: short breaks benchmark">
      <ErrorSummary problems={props.problems} ids={PICK_FIELD_IDS} />
      <h1>Compare a council's short breaks</h1>
      <PickForm councils={props.councils} state={props.state} problems={props.problems} />
    </Layout>
  );
}
