/** @jsxImportSource hono/jsx */
// The start page: find a council by name, pick one to compare, and every council with what is stored for it (each
// linked to its page). Server-rendered and usable without JavaScript; JSX escapes every text, scraped text included.
import type { Council } from '../domain/index.js';
import type { CouncilSummary } from '../store/council-reads.js';
import { CouncilSearch } from './info-pages.js';
import { StackTable } from './page-parts.js';
import { Layout, PickForm, type PickState } from './workshop-form.js';

const TYPE_LABEL: Record<Council['type'], string> = { county: 'County', unitary: 'Unitary', metropolitan_district: 'Metropolitan district', london_borough: 'London borough' };

export function StartPage(props: { councils: CouncilSummary[]; taxonomyVersion: string | undefined; builtAt: string | undefined; state: PickState }) {
  const withData = props.councils.filter((c) => c.offer_count + c.fact_count > 0).length;
  return (
    <Layout title="Short breaks benchmark: compare a council's short breaks" script>
      <h1>Compare a council's short breaks</h1>
      <p class="lede">
        Choose a council, the councils to compare it with and how much each part of the offer counts. You will see how the offer
        compares, how robust that is to the weights, what other councils do that it does not, and a pack to take into a
        co-production workshop. Or find a council to see everything known about it.
      </p>
      <CouncilSearch />
      <h2>Compare a council</h2>
      <PickForm councils={props.councils} state={props.state} />
      <p>
        How much is known about each council so far, with England's totals: <a href="/coverage">evidence coverage by council</a>.
      </p>
      <h2 id="councils">Councils</h2>
      <p>
        {props.councils.length} councils; {withData} with curated or scraped facts so far. Data as JSON:{' '}
        <a href="/api/councils">/api/councils</a>, as CSV: <a href="/api/councils.csv">/api/councils.csv</a>.
      </p>
      <StackTable
        id="council-list"
        caption="Councils with children's services duties in England"
        columns={[{ label: 'Council' }, { label: 'Code' }, { label: 'Type' }, { label: 'Region' }, { label: 'Offers', num: true }, { label: 'Council facts', num: true }]}
        rows={props.councils.map((c) => ({
          cells: [
            <a href={`/councils/${c.code}`}>{c.name}</a>,
            c.code,
            TYPE_LABEL[c.type] ?? c.type,
            c.region_name,
            c.offer_count === 0 ? <span class="muted">none found yet</span> : String(c.offer_count),
            c.fact_count === 0 ? <span class="muted">none found yet</span> : String(c.fact_count),
          ],
        }))}
      />
      <p class="muted">
        Taxonomy {props.taxonomyVersion ?? 'unknown'}; database built {props.builtAt ?? 'at an unknown time'}. Reference data: Open
        Government Licence v3.0 and CC-BY-4.0.
      </p>
    </Layout>
  );
}
