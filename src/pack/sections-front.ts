// The pack's opening sections: cover, case for change, critical success factors, the local baseline on the grid
// (with the coverage chart) and the score comparison (with its chart).
import { DIMENSIONS } from '../scoring/config.js';
import { formatMetric, formatScore, formatShare, positionSentence } from '../scoring/present.js';
import { gridRows, SHORT_SLOT, STATUS } from './charts.js';
import { foundCover } from './found-text.js';
import { date, esc, table } from './html.js';
import { agesText, costText, howToGetText, timesText, typeText } from './offer-text.js';
import { FACTORS } from './options.js';
import type { PackData } from './pack-data.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const srcRef = (pack: PackData, url: string) => {
  const s = pack.sources.find((x) => x.url === url);
  return s ? `<a class="ref" href="#source-${s.n}">[${s.n}]</a>` : '';
};

export function cover(pack: PackData): string {
  const c = pack.compare;
  const w = c.weights;
  return `<section class="cover" aria-labelledby="title">
<p class="muted">Workshop option pack · ${esc(pack.theme.label)}</p>
<h1 id="title">Short breaks options for ${esc(c.council.name)}</h1>
<dl class="facts">
<dt>The decision</dt><dd>${esc(pack.theme.question)}</dd>
<dt>Who decides</dt><dd>The workshop recommends; the decision is taken by: <span class="fill">______________________</span> (filled in by the workshop lead)</dd>
<dt>Co-production</dt><dd>Who is in the room and how their views are used: <span class="fill">______________________</span></dd>
<dt>Compared with</dt><dd>${esc(c.group.name)} (${c.group.members.length - 1} councils; version ${esc(c.group.version)}). ${esc(c.group.reason)}</dd>
<dt>Data date</dt><dd>${esc(date(c.data_date, 'not known'))}: the latest date any source in this pack was read. The database was built on ${esc(date(pack.database_built_at?.slice(0, 10), 'an unknown date'))}.</dd>
<dt>Method</dt><dd>Scoring method ${esc(c.method_version)}, taxonomy ${esc(c.taxonomy_version)}; weights "${esc(w.preset)}": ${DIMENSIONS.map((d) => `${d} ${Math.round(100 * w.weights[d])}%`).join(', ')}.</dd>
</dl>
${foundCover(pack.found, c.council.name, (url) => srcRef(pack, url))}
<p class="note">Everything in this pack comes from what councils, Ofsted and the Department for Education publish, with a numbered source for every fact. <strong>Not found is not the same as not provided:</strong> a council may offer something this pack could not find in its published information.</p>
</section>`;
}

export function caseForChange(pack: PackData): string {
  const c = pack.compare;
  const name = c.council.name;
  const m = (id: string) => c.context.metrics.find((x) => x.id === id)!;
  const grid = m('grid_coverage');
  const insp = pack.inspection;
  const findings = pack.findings.map((f) => `<li><strong>${f.polarity === 'strength' ? 'Strength' : f.polarity === 'weakness' ? 'Weakness' : 'Finding'}:</strong> "${esc(f.sentence)}" <span class="muted">(${esc(f.citation)})</span>${f.report_url ? ` ${srcRef(pack, f.report_url)}` : ''}</li>`);
  const facts = pack.local_facts.filter((f) => f.topic !== 'not_found').map((f) => `<li>${esc(f.statement)} <span class="muted">(${esc(date(f.published))})</span> ${srcRef(pack, f.source.url)}</li>`);
  return `<section class="chapter" aria-labelledby="case"><h2 id="case">1. The case for change</h2>
<ul>
<li>${esc(positionSentence(c))}</li>
<li>${grid.local === null ? `No current offers were found for ${esc(name)}, so how much of the type and time grid it covers is not known` : `${esc(name)}'s published offers cover ${esc(formatMetric('grid_coverage', grid.local))} of the type and time grid`}; the median of the comparators where known is ${esc(formatMetric('grid_coverage', grid.group_median))}, of English councils ${esc(formatMetric('grid_coverage', grid.england_median))}.</li>
<li>${pack.theme_gaps.length} cell${pack.theme_gaps.length === 1 ? '' : 's'} of the grid in this theme ${pack.theme_gaps.length === 1 ? 'is' : 'are'} offered by at least one comparator and ${pack.theme_gaps.length === 1 ? 'was' : 'were'} not found in ${esc(name)}'s published offer (section 3).</li>
<li>${insp ? `Latest area SEND inspection (${esc(date(insp.inspection_start ?? insp.publication_date))}): <strong>${esc(insp.outcome_label ?? 'outcome not recorded')}</strong>${insp.report_url ? ` ${srcRef(pack, insp.report_url)}` : ''}.` : 'No area SEND inspection under the 2023 framework is stored for this council.'}</li>
</ul>
${findings.length ? `<h3>What the inspection report says about short breaks</h3><ul>${findings.join('\n')}</ul>` : '<p>No sentence about short breaks, respite, direct payments or personal assistants was found in a stored inspection report for this council.</p>'}
${facts.length ? `<h3>What ${esc(name)} has published about its offer</h3><ul>${facts.join('\n')}</ul>` : ''}
</section>`;
}

const FACTOR_EVIDENCE: Record<string, string> = {
  choice: 'Grid coverage, providers, ages covered, self-directed options, personal budgets',
  equity: 'Share open without assessment, share free, places named, offers per child and per EHC plan',
  quality: 'Area SEND inspection outcome and what it says about short breaks, Ofsted ratings of providers, completeness and currency of published information',
  suitability: 'Fit to the local age profile and primary-need profile of EHC plans',
  affordability: 'Not in the data: the council\'s budget and the cost of each option',
  achievability: 'Partly in the data (how many comparators do it); providers, staff and time come from the room',
};

export function successFactors(): string {
  return `<section class="chapter" aria-labelledby="csf"><h2 id="csf">2. Critical success factors</h2>
<p>Every option is judged against the same six factors. The first four are the dimensions the scores measure; the last two come from the room.</p>
${table('The critical success factors', ['Factor', 'The question', 'Evidence in this pack'], FACTORS.map((f) => [esc(f.label), esc(f.question), esc(FACTOR_EVIDENCE[f.code]!)]))}
</section>`;
}

export function baseline(pack: PackData, coverageSvg: string): string {
  const c = pack.compare;
  const name = esc(c.council.name);
  const offers = pack.local_offers.map((o) => [esc(o.name), esc(typeText(o)), esc(timesText(o)), esc(howToGetText(o)), esc(agesText(o)), esc(costText(o)), srcRef(pack, o.source.url)]);
  const rows = gridRows(pack);
  const a = pack.gaps.analysis;
  const gates = a.gates.filter((g) => g.local_offers || g.peers_using);
  return `<section class="chapter" aria-labelledby="baseline"><h2 id="baseline">3. The local baseline</h2>
<h3>${name}'s offers found</h3>
${offers.length ? table(`Short break offers found for ${name} (${offers.length})`, ['Offer', 'Type', 'When', 'How to get it', 'Ages', 'Cost to families', 'Source'], offers) : `<p class="warn">No current offers were found for ${name}. Not found is not the same as not provided.</p>`}
<h3>Coverage of the type and time grid</h3>
<figure aria-labelledby="fig-grid"><figcaption id="fig-grid">Figure 1. Which kinds of break, at which times, were found for ${name} (✓ local), are offered by comparators but not found locally (gap, with the number of comparators), or were found for neither (–). The table below gives the same information.</figcaption>
${coverageSvg}
</figure>
${gridTable(rows)}
<p>Comparators with offers in the data: ${a.peers_with_offers} of ${c.group.members.length - 1}. ${a.peers_without_offers.length ? `No offers were found for ${esc(a.peers_without_offers.map((p) => p.name).join(', '))}: their cells are unknown, not empty.` : ''}</p>
<h3>Who can get in: gates and tiers</h3>
${gates.length ? table('Share of offers that need each gate', ['Gate', name, 'Comparators (share of their offers)', 'Comparators using it'], gates.map((g) => [esc(cap(g.label)), esc(formatShare(g.local_share)), esc(formatShare(g.peer_offer_share)), String(g.peers_using)])) : '<p>No gates are stated by the offers found.</p>'}
${table('Access tiers (share of offers whose tier is known)', ['Tier', name, 'Comparators'], a.tiers.map((t) => [esc(t.label), esc(formatShare(t.local_share)), esc(formatShare(t.peer_share))]))}
<p>Hourly charges to families: ${name} ${a.charges.local_hourly.length ? esc(a.charges.local_hourly.map((x) => `£${x.toFixed(2)}`).join(', ')) : 'none stated'}; comparators' median ${a.charges.peer_hourly_median === null ? 'none stated' : `£${a.charges.peer_hourly_median.toFixed(2)}`}.</p>
<h3>Context</h3>
${table(`${name} beside its comparators, region and England`, ['Figure', 'Period', name, 'Comparators (median)', 'Region', 'England'], c.context.figures.map((f) => [esc(f.label), esc(f.period ?? 'not known'), num(f.local), num(f.group_median), num(f.region), num(f.england)]))}
</section>`;
}

/** Figure 1's text alternative in the same shape as the chart: a row per type, a column per time. */
function gridTable(rows: ReturnType<typeof gridRows>): string {
  const types = [...new Set(rows.map((r) => r.type))];
  const slots = [...new Set(Object.values(SHORT_SLOT))].filter((s) => rows.some((r) => r.slot === s));
  const cell = (t: string, s: string) => {
    const r = rows.find((x) => x.type === t && x.slot === s);
    if (!r) return '';
    return r.status === 'gap' ? `gap: ${esc(r.peer_names.join(', '))}` : esc(STATUS[r.status].mark === '–' ? '– not found' : STATUS[r.status].mark);
  };
  return table('Figure 1 as a table: ✓ local = found locally; gap = offered by the comparators named, not found locally; – = found for neither; blank = not a usual time for this kind of break', ['Type of break', ...slots.map(esc)], types.map((t) => [esc(t), ...slots.map((s) => cell(t, s))]), { cls: 'grid-table' });
}

const num = (v: number | null) => (v === null ? 'not known' : Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(2));

export function scores(pack: PackData, scoreSvg: string): string {
  const c = pack.compare;
  const rows = c.members.map((m) => [
    esc(`${m.name}${m.is_local ? ' (local)' : ''}`),
    m.rank === null ? 'not ranked' : String(m.rank),
    esc(formatScore(m.rank === null ? null : m.composite)),
    ...DIMENSIONS.map((d) => esc(m.dimensions[d].score === null ? 'not known' : formatScore(m.dimensions[d].score))),
    esc(formatShare(m.coverage)),
    String(m.offers_found),
    esc(m.unranked_reason ?? ''),
  ]);
  const metricRows = c.context.metrics.map((x) => {
    const e = c.explanations[c.council.code]!.find((y) => y.metric === x.id)!;
    return [esc(x.label), esc(cap(e.dimension)), esc(formatMetric(x.id, x.local)), esc(formatMetric(x.id, x.group_median)), esc(formatMetric(x.id, x.england_median)), `${x.known_in_group} of ${c.group.members.length}`, esc(e.missing ?? '')];
  });
  return `<section class="chapter" aria-labelledby="scores"><h2 id="scores">4. How ${esc(c.council.name)} compares</h2>
<p>Scores run from 0 to 100 within the group: 100 is the best in the group on that measure. A council is ranked only when at least ${esc(formatShare(c.min_coverage_to_rank))} of its weighted inputs are known ("evidence"); otherwise its scores are shown but it is not ranked.</p>
<figure aria-labelledby="fig-scores"><figcaption id="fig-scores">Figure 2. Dimension scores of the ranked councils. Missing scores are left out, not drawn as zero; the table below gives every council.</figcaption>
${scoreSvg}
</figure>
${table('Scores of every council in the group', ['Council', 'Rank', 'Composite', ...DIMENSIONS.map(cap), 'Evidence', 'Offers found', 'Note'], rows, { cls: 'scores' })}
${table(`${esc(c.council.name)}'s measures`, ['Measure', 'Dimension', 'Local', 'Comparators (median)', 'England (median)', 'Known in group', 'Why missing'], metricRows)}
</section>`;
}
