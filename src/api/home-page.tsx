/** @jsxImportSource hono/jsx */
// The plain HTML home page: what the product is and every council with what is stored for it. Text is escaped by JSX.
import type { CouncilSummary } from '../store/council-reads.js';

const TYPE_LABEL: Record<string, string> = {
  county: 'County',
  unitary: 'Unitary',
  metropolitan_district: 'Metropolitan district',
  london_borough: 'London borough',
};

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1b1b;line-height:1.5}
header,main,footer{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:4px solid #1d4f91}
h1{font-size:1.75rem;margin:.5rem 0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #c8c8c8;vertical-align:top}
th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}
a{color:#1d4f91}
a:focus{outline:3px solid #ffbf47;outline-offset:1px}
.muted{color:#505050}
`;

export function HomePage(props: { councils: CouncilSummary[]; taxonomyVersion: string | undefined; builtAt: string | undefined }) {
  const withData = props.councils.filter((c) => c.offer_count + c.fact_count > 0).length;
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Short breaks benchmark: councils</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <header>
          <h1>Short breaks benchmark</h1>
          <p>
            Compare what English councils publish about short breaks for disabled children and their carers. Each figure
            links back to its source.
          </p>
        </header>
        <main>
          <p>
            {props.councils.length} councils; {withData} with curated or scraped facts so far. Data as JSON:{' '}
            <a href="/api/councils">/api/councils</a>, as CSV: <a href="/api/councils.csv">/api/councils.csv</a>.
          </p>
          <table>
            <caption>Councils with children's services duties in England</caption>
            <thead>
              <tr>
                <th scope="col">Council</th>
                <th scope="col">Code</th>
                <th scope="col">Type</th>
                <th scope="col">Region</th>
                <th scope="col">Offers</th>
                <th scope="col">Council facts</th>
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
        </main>
        <footer class="muted">
          <p>
            Taxonomy {props.taxonomyVersion ?? 'unknown'}; database built {props.builtAt ?? 'at an unknown time'}. Reference data:
            Open Government Licence v3.0 and CC-BY-4.0 (see data/reference/SOURCES.md). "None found yet" means not found, not
            that a council provides nothing.
          </p>
        </footer>
      </body>
    </html>
  );
}
