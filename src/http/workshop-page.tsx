/** @jsxImportSource hono/jsx */
// The start page (pick a council; every council with what is stored for it) and the page that says what was wrong
// with a request. Server-rendered and usable without JavaScript; JSX escapes every text, scraped text included.
import type { Council } from '../domain/index.js';
import type { CouncilSummary } from '../store/council-reads.js';
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
        co-production workshop.
      </p>
      <PickForm councils={props.councils} state={props.state} />
      <p>
        How much is known about each council so far, with England's totals: <a href="/coverage">evidence coverage by council</a>.
      </p>
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
