/** @jsxImportSource hono/jsx */
// The /coverage page: how much the benchmark knows about each council. England's totals first, then every council's
// entry points, records, offers, evidence coverage, newest dates and whether it can be ranked in its own DfE 2025
// group. Server-rendered, no script; on a narrow screen the councils' table stacks into one labelled block per council.
import { entryPointText, evidenceText, type CoverageReport, type CouncilCoverage } from '../services/coverage.js';
import { StackTable } from './page-parts.js';
import { Layout } from './workshop-form.js';

const pct = (v: number) => `${Math.round(100 * v)}%`;
const Missing = (props: { children: string }) => <span class="muted">{props.children}</span>;

function NewestDate(props: { council: CouncilCoverage; date: string | null; absent: string }) {
  if (props.council.records === 0) return <Missing>none found yet</Missing>;
  return props.date === null ? <Missing>{props.absent}</Missing> : <>{props.date}</>;
}

function Ranked(props: { council: CouncilCoverage }) {
  const c = props.council;
  if (c.rankable) return <>yes: {c.rank} of {c.group_size}</>;
  return (
    <>
      no<span class="hint">{c.unranked_reason}</span>
    </>
  );
}

function EnglandTotals(props: { report: CoverageReport }) {
  const e = props.report.england;
  const rows: Array<[string, string | number]> = [
    ['Councils', e.councils],
    ['Councils with an entry point for the scraper', e.with_entry_point],
    ['Councils with a record (an offer or a council fact)', e.with_record],
    [`Councils with ${props.report.min_offers} or more offers`, e.with_three_offers],
    ['Councils that can be ranked within their own DfE 2025 statistical neighbours', e.rankable],
    ['Records (offers and council facts)', e.records],
    ['Offers', e.offers],
    ['Council facts', e.facts],
    ['Entry points', e.entry_points],
    ['Newest date a record was published', e.newest_published ?? 'none stated yet'],
    ['Newest date a record was read', e.newest_retrieved ?? 'none found yet'],
  ];
  return (
    <table id="england" class="totals">
      <caption>England's totals</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td class="num nowrap">{String(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CoveragePage(props: { report: CoverageReport }) {
  const r = props.report;
  return (
    <Layout title="What we know about each council: short breaks benchmark">
      <h1>What we know about each council</h1>
      <p class="lede">
        How much evidence the benchmark holds for each council in England: where the scraper starts (entry points), the offers and
        council facts recorded with their sources, how much of the scoring's inputs are known, and whether the council can be ranked
        among its {r.group.name}. "None found yet" means nothing found so far in what councils publish, not
        that a council provides nothing.
      </p>
      <p>
        Data as JSON: <a href="/api/coverage">/api/coverage</a>, as CSV: <a href="/api/coverage.csv">/api/coverage.csv</a>. Method{' '}
        {r.method_version}, data as of {r.data_date ?? 'an unknown date'}.
      </p>
      <h2>England</h2>
      <EnglandTotals report={r} />
      <h2>Councils</h2>
      <p>
        Evidence is the share of the scoring's weighted inputs that are known (the default weights: {r.weights.replace(/,/g, ', ').replace(/=/g, ' ')}); a council is ranked only when it is
        at least {pct(r.min_coverage_to_rank)}. For a council with no records the scoring still knows a little from reference data
        (its inspection, providers and local figures): the JSON gives that share.
      </p>
      <div class="table-wrap" tabindex={0} role="region" aria-label="Councils (scrolls sideways on small screens)">
        <StackTable
          id="councils"
          caption="Each council's entry points, records and evidence, by name"
          columns={[{ label: 'Council' }, { label: 'Entry points', wide: true }, { label: 'Records', num: true }, { label: 'Offers', num: true }, { label: 'Evidence', num: true }, { label: 'Newest published' }, { label: 'Newest read' }, { label: 'Ranked in its DfE 2025 group', wide: true }]}
          rows={r.councils.map((c) => ({
            id: `c-${c.code}`,
            cells: [
              <>
                <a href={`/councils/${c.code}`}>{c.name}</a>
                <span class="hint">{c.region_name}</span>
              </>,
              <>
                {String(c.entry_points.total)}
                {c.entry_points.total ? <span class="hint">{entryPointText(c)}</span> : null}
              </>,
              String(c.records),
              String(c.offers),
              c.records === 0 ? <Missing>{evidenceText(c)}</Missing> : evidenceText(c),
              <NewestDate council={c} date={c.newest_published} absent="not stated" />,
              <NewestDate council={c} date={c.newest_retrieved} absent="not known" />,
              <Ranked council={c} />,
            ],
          }))}
        />
      </div>
    </Layout>
  );
}
