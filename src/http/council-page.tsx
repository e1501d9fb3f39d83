/** @jsxImportSource hono/jsx */
// The page for one council (/councils/CODE): what was found of its own offer, its offers by type and time slot, its
// facts, its area SEND inspection and what the report says about short breaks, its providers' ratings, the sources
// with their dates and status, and its history of changes; with links to compare it and to its pack.
import type { TaxonomyIndex } from '../domain/taxonomy.js';
import type { CouncilHistory } from '../services/council-history.js';
import type { councilDetail } from '../services/council-detail.js';
import { Missing, SourceLink, StackTable } from './page-parts.js';
import { cap, Layout } from './workshop-form.js';

type Detail = Awaited<ReturnType<typeof councilDetail>>;
type ShownOffer = Detail['offers'][number];

const Dates = (props: { published: string | null | undefined; read: string | null | undefined }) => (
  <>
    {props.read ? `read ${props.read}` : <Missing>date read not recorded</Missing>};{' '}
    {props.published ? `published ${props.published}` : <Missing>publication date not stated</Missing>}
  </>
);

const SourceOf = (props: { url: string; title?: string | null }) => <SourceLink class="url" url={props.url} text={props.title} />;

function ages(o: ShownOffer) {
  if (o.age_min === null && o.age_max === null) return <Missing>not stated</Missing>;
  return `${o.age_min ?? '?'} to ${o.age_max ?? '?'}`;
}

function cost(o: ShownOffer) {
  if (o.cost.status === 'free') return 'free';
  if (o.cost.status === 'unknown') return <Missing>not stated</Missing>;
  const charges = o.cost.charges.map((c) => `£${c.amount_gbp.toFixed(2)}${c.per ? ` per ${c.per}` : ''}`).join(', ');
  return `charged${charges ? `: ${charges}` : ''}`;
}

/** Offers by type and time slot: one row per pair that an offer covers, naming the offers. */
function OfferGrid(props: { offers: ShownOffer[]; taxonomy: TaxonomyIndex }) {
  const t = props.taxonomy;
  const cells = new Map<string, { type: string; slot: string; offers: string[]; order: number }>();
  const typeOrder = t.codes('types');
  const slotOrder = t.codes('time_slots');
  for (const o of props.offers) {
    const slots = o.time_slots.length ? o.time_slots : [''];
    for (const s of slots) {
      const key = `${o.type ?? ''}|${s}`;
      const order = (o.type ? typeOrder.indexOf(o.type) : 999) * 1000 + (s ? slotOrder.indexOf(s) : 999);
      const cell = cells.get(key) ?? { type: o.type ? (t.label('types', o.type) ?? o.type) : 'Type not known', slot: s ? (t.label('time_slots', s) ?? s) : 'not stated', offers: [], order };
      cell.offers.push(o.name);
      cells.set(key, cell);
    }
  }
  return (
    <StackTable
      id="offer-grid"
      caption="Which of its offers cover each type of short break and time slot"
      columns={[{ label: 'Type' }, { label: 'Time slot' }, { label: 'Offers', wide: true }]}
      rows={[...cells.values()].sort((a, b) => a.order - b.order).map((c) => ({ cells: [c.type, c.slot === 'not stated' ? <Missing>not stated</Missing> : c.slot, c.offers.join('; ')] }))}
    />
  );
}

function Offers(props: { offers: ShownOffer[]; taxonomy: TaxonomyIndex }) {
  const t = props.taxonomy;
  return (
    <StackTable
      id="offers"
      caption="Each offer with its source"
      columns={[{ label: 'Offer' }, { label: 'Type' }, { label: 'Ages' }, { label: 'Cost to families' }, { label: 'Access' }, { label: 'Source and dates', wide: true }]}
      rows={props.offers.map((o) => ({
        cells: [
          <>
            {o.name}
            {o.description ? <span class="hint">{o.description}</span> : null}
          </>,
          o.type ? (t.label('types', o.type) ?? o.type) : <Missing>not known</Missing>,
          ages(o),
          cost(o),
          o.access_tier ? (t.label('access_tiers', o.access_tier) ?? o.access_tier) : <Missing>not known</Missing>,
          <>
            <SourceOf url={o.source.url} title={o.source.title} />
            <span class="hint">
              <Dates published={o.published} read={o.retrieved} />
            </span>
          </>,
        ],
      }))}
    />
  );
}

function Facts(props: { facts: Detail['facts']; taxonomy: TaxonomyIndex }) {
  if (!props.facts.length) return <p>No council facts (budgets, eligibility rules, numbers of families) were found in what it publishes so far.</p>;
  return (
    <StackTable
      id="facts"
      caption="What the council's own pages and reports state"
      columns={[{ label: 'Topic' }, { label: 'What it says', wide: true }, { label: 'Source and dates', wide: true }]}
      rows={props.facts.map((f) => ({
        cells: [
          props.taxonomy.label('fact_topics', f.topic) ?? f.topic,
          f.statement,
          <>
            <SourceOf url={f.source.url} title={f.source.title} />
            <span class="hint">
              <Dates published={f.published} read={f.retrieved} />
            </span>
          </>,
        ],
      }))}
    />
  );
}

function Inspection(props: { d: Detail }) {
  const i = props.d.latest_area_send;
  const findings = props.d.area_send_findings;
  return (
    <>
      {i ? (
        <p id="inspection">
          Latest area SEND inspection ({i.framework}), {i.inspection_start ?? 'date not recorded'}
          {i.inspection_end ? ` to ${i.inspection_end}` : ''}: <strong>{i.outcome_label ?? 'outcome not recorded'}</strong>
          {i.publication_date ? `; report published ${i.publication_date}` : ''}.{' '}
          {i.report_url ? <SourceLink url={i.report_url} text="Read the report" /> : null}
        </p>
      ) : (
        <p id="inspection">No area SEND inspection is recorded for this council in the shipped Ofsted data.</p>
      )}
      {findings.length ? (
        <StackTable
          id="findings"
          caption="What the inspection report says about short breaks, respite, direct payments and personal assistants"
          columns={[{ label: 'Reads as' }, { label: 'Sentence', wide: true }, { label: 'Where', wide: true }]}
          rows={findings.map((f) => ({
            cells: [f.polarity, f.sentence, f.report_url ? <SourceLink url={f.report_url} text={f.citation} /> : f.citation],
          }))}
        />
      ) : (
        <p>{i ? 'No sentence about short breaks was found in the report we hold.' : ''}</p>
      )}
    </>
  );
}

function Providers(props: { d: Detail }) {
  const p = props.d.short_break_providers;
  if (!p.total) return <p>No Ofsted-registered short-break provider is located in the council area in the shipped Ofsted data.</p>;
  return (
    <StackTable
      id="providers"
      caption={`Ofsted-registered providers in the area by latest rating (${p.total} in all). ${p.note}`}
      columns={[{ label: 'Kind of provider' }, { label: 'Short breaks only' }, { label: 'Latest rating' }, { label: 'Providers', num: true }, { label: 'Places', num: true }]}
      rows={p.mix.map((m) => ({
        cells: [m.provision_type, m.short_break_only ? 'yes' : 'no', m.overall_rating ?? <Missing>not rated</Missing>, String(m.count), m.places === null ? <Missing>not stated</Missing> : String(m.places)],
      }))}
    />
  );
}

function Sources(props: { d: Detail }) {
  if (!props.d.sources.length) return <p>No source is recorded for this council yet: no entry point for the scraper and no record.</p>;
  return (
    <StackTable
      id="sources"
      caption="Where the facts come from, with the newest dates and the status of the latest scrape"
      columns={[{ label: 'Source' }, { label: 'Kind' }, { label: 'Records', num: true }, { label: 'Newest published' }, { label: 'Newest read' }, { label: 'Status', wide: true }]}
      rows={props.d.sources.map((s) => ({
        cells: [
          <SourceOf url={s.url} title={s.title} />,
          s.kind.replace(/_/g, ' '),
          String(s.records),
          s.newest_published ?? <Missing>{s.records ? 'not stated' : 'nothing found yet'}</Missing>,
          s.newest_read ?? <Missing>{s.records ? 'not recorded' : 'nothing found yet'}</Missing>,
          s.scrape_status ? `${s.scrape_status.replace(/_/g, ' ')}${s.scrape_reason ? `: ${s.scrape_reason}` : ''}` : s.records ? 'recorded by hand; not scraped yet' : 'not scraped yet',
        ],
      }))}
    />
  );
}

function History(props: { h: CouncilHistory }) {
  const changes = props.h.changes;
  if (!changes.length) return <p>No change to its offers has been recorded.</p>;
  return (
    <StackTable
      id="history"
      caption="Changes to its offers, dated by when each page was read and when it says it was published"
      columns={[{ label: 'Offer' }, { label: 'Change' }, { label: 'Read' }, { label: 'Published' }, { label: 'What changed', wide: true }]}
      rows={changes.map((c) => ({
        cells: [
          c.offer,
          c.change,
          c.read ?? <Missing>not recorded</Missing>,
          c.published ?? <Missing>not stated</Missing>,
          c.what || (c.change === 'appeared' ? 'first found' : c.change === 'disappeared' ? 'no longer on its page' : '-'),
        ],
      }))}
    />
  );
}

export function CouncilPage(props: { d: Detail; history: CouncilHistory; ownOffer: string[]; taxonomy: TaxonomyIndex; packs: boolean }) {
  const { d } = props;
  const c = d.council;
  const sn = d.statistical_neighbours['2025'];
  return (
    <Layout title={`${c.name}: short breaks benchmark`} feed={{ href: `/api/changes.atom?council=${c.code}`, title: `${c.name}: changes to its short breaks offers` }}>
      <h1>{c.name}</h1>
      <p class="muted">
        {cap(c.type.replace(/_/g, ' '))} council in {c.region_name}; GSS code {c.code}
        {c.la_number ? `, LA number ${c.la_number}` : ''}.
      </p>
      <ul class="downloads" id="council-links">
        <li>
          <a href={`/compare?council=${c.code}`}>Compare {c.name} with its neighbours</a>
        </li>
        <li>{props.packs ? <a href={`/api/packs/${c.code}.html`}>Preview its workshop pack</a> : <a href={`/compare?council=${c.code}#downloads`}>Its workshop pack</a>}</li>
      </ul>
      <h2>What was found of its own offer</h2>
      <ul id="own-offer">
        {props.ownOffer.map((l) => (
          <li>{l}</li>
        ))}
      </ul>
      {d.offers.length ? (
        <>
          <h2>Offers by type and time slot</h2>
          <OfferGrid offers={d.offers} taxonomy={props.taxonomy} />
          <h2>Offers</h2>
          <Offers offers={d.offers} taxonomy={props.taxonomy} />
        </>
      ) : null}
      <h2>Facts</h2>
      <Facts facts={d.facts} taxonomy={props.taxonomy} />
      <h2>Inspection</h2>
      <Inspection d={d} />
      <h2>Providers' ratings</h2>
      <Providers d={d} />
      <h2>Sources</h2>
      <Sources d={d} />
      <h2>History of changes</h2>
      <History h={props.history} />
      {sn.length ? (
        <>
          <h2>Statistical neighbours (DfE 2025 model)</h2>
          <p id="neighbours">
            {sn.map((n, i) => (
              <>
                {i ? ', ' : ''}
                <a href={`/councils/${n.code}`}>{n.name}</a>
              </>
            ))}
            .
          </p>
        </>
      ) : null}
      <p>
        As data: <a href={`/api/councils/${c.code}`}>JSON</a>, <a href={`/api/councils/${c.code}/history`}>history as JSON</a>,{' '}
        <a href={`/api/offers.csv?council=${c.code}`}>offers as CSV</a>; follow its changes in a feed reader: <a href={`/api/changes.atom?council=${c.code}`}>changes as an Atom feed</a>.
      </p>
    </Layout>
  );
}
