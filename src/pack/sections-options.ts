// The pack's middle: peer evidence cards, the long list of options, the appraisal against the factors, the
// short-list scoring sheets with anchored 0-5 scales and blank columns, the sensitivity table and the RAG summary.
import { DIMENSIONS } from '../scoring/config.js';
import { formatShare } from '../scoring/present.js';
import { date, esc, link, table } from './html.js';
import { confidenceText, costText, howToGetText, tierText, timesText, typeText, whoForText } from './offer-text.js';
import { ANCHORS, FACTORS, RATING_TEXT, slotText, type Appraisal, type PackOption } from './options.js';

export { ANCHORS } from './options.js';
import type { EvidenceCard, PackData } from './pack-data.js';
import { srcRef } from './sections-front.js';

export const rag = (a: Appraisal) => {
  const t = RATING_TEXT[a.rating];
  return `<span class="rag rag-${a.rating}"><span aria-hidden="true">${t.icon}</span> ${esc(t.word)}</span>`;
};

function card(pack: PackData, c: EvidenceCard): string {
  const o = c.offer;
  const insp = c.inspection;
  const cells = c.cells.map((k) => pack.theme_gaps.find((g) => g.cell === k)).filter(Boolean).map((g) => `${g!.type_label}, ${slotText(g!)}`);
  return `<article class="card" id="${c.id}" aria-labelledby="${c.id}-h">
<h3 id="${c.id}-h">${esc(o.name)} <span class="muted">· ${esc(c.council_name)}</span></h3>
<dl class="facts">
<dt>What</dt><dd>${esc(typeText(o))}${o.description ? `: ${esc(o.description)}` : ''}</dd>
<dt>Who for</dt><dd>${esc(whoForText(o))}</dd>
<dt>How to get it</dt><dd>${esc(howToGetText(o))}</dd>
<dt>Tier</dt><dd>${esc(tierText(o))}</dd>
<dt>Cost</dt><dd>${esc(costText(o))}</dd>
<dt>When</dt><dd>${esc(timesText(o))}</dd>
<dt>Evidence</dt><dd>"${esc(o.evidence_quote)}"</dd>
<dt>Inspection</dt><dd>${insp ? `Area SEND inspection ${esc(date(insp.inspection_start ?? insp.publication_date))}: ${esc(insp.outcome_label ?? 'outcome not recorded')}` : 'No area SEND inspection stored'}${c.strengths.map((f) => `<br>Strength noted: "${esc(f.sentence)}" <span class="muted">(${esc(f.citation)})</span>`).join('')}</dd>
<dt>Source</dt><dd>${link(o.source.url, o.source.title ?? o.source.url)} ${srcRef(pack, o.source.url)}</dd>
<dt>Dates</dt><dd>published ${esc(date(o.published))}; read ${esc(date(o.retrieved))}</dd>
<dt>Confidence</dt><dd>${esc(confidenceText(o.confidence))}</dd>
<dt>Example of</dt><dd>${esc(cells.join('; '))}</dd>
</dl>
</article>`;
}

export function evidenceCards(pack: PackData): string {
  const missing = pack.gaps.analysis.peers_without_offers;
  return `<section class="chapter" aria-labelledby="cards"><h2 id="cards">5. Evidence from comparators</h2>
<p>One card per comparator offer that is an example of a gap in section 3, chosen by the strength of the evidence (positive inspection first, then the report's short-break strengths, the confidence of the reading, and how recent the source is).</p>
${missing.length ? `<p class="warn">No offers were found in the data for ${esc(missing.map((p) => p.name).join(', '))}. They may well run short breaks: their published information has not been gathered yet.</p>` : ''}
${pack.cards.length ? pack.cards.map((c) => card(pack, c)).join('\n') : '<p>No comparator offer in this theme fills a gap.</p>'}
</section>`;
}

const peersText = (o: PackOption) => (o.peers.length ? esc(o.peers.map((p) => p.name).join(', ')) : 'none in the data');
const cardsText = (o: PackOption) => o.card_ids.map((id) => `<a href="#${id}">${id.replace('card-', 'card ')}</a>`).join(', ');

export function longList(pack: PackData): string {
  return `<section class="chapter" aria-labelledby="longlist"><h2 id="longlist">6. Long list of options</h2>
<p>Each option comes from the gap analysis: something comparators do that was not found for ${esc(pack.compare.council.name)}. The room may add options of its own.</p>
${pack.local_offers.length ? '' : `<p class="warn">No current offers at all were found for ${esc(pack.compare.council.name)}, so everything its comparators do shows as a gap. Not found is not the same as not provided: check what ${esc(pack.compare.council.name)} already provides before reading these as changes.</p>`}
${pack.options.length ? table('Long list', ['Option', 'What would change', 'Comparators that do it', 'Evidence cards'], pack.options.map((o) => [`${o.id}. ${esc(o.title)}`, esc(o.what_changes), peersText(o), cardsText(o) || '–'])) : '<p>No option could be drawn from the data for this theme.</p>'}
</section>`;
}

export function appraisal(pack: PackData): string {
  const blocks = pack.options.map(
    (o) => `<div class="appraise">${table(`${o.id}. ${esc(o.title)}`, ['Factor', 'Evidence view', 'Why'], FACTORS.map((f) => [esc(f.label), rag(o.appraisal[f.code]), esc(o.appraisal[f.code].reason)]), { cls: 'appraisal' })}</div>`,
  );
  return `<section class="chapter" aria-labelledby="appraisal"><h2 id="appraisal">7. Appraisal against the success factors</h2>
<p>A first view from the evidence only, for the room to challenge. Each rating has a word and a symbol, so nothing depends on colour: ${Object.values(RATING_TEXT).map((t) => `<strong>${t.icon}</strong> ${esc(t.word)}`).join('; ')}.</p>
${blocks.length ? blocks.join('\n') : '<p>No options to appraise.</p>'}
</section>`;
}

function sheet(o: PackOption | null, n: number): string {
  const title = o ? `${o.id}. ${esc(o.title)}` : `Option proposed by the room: <span class="fill">______________________</span>`;
  const rows = FACTORS.map((f) => [esc(f.label), esc(f.question), o ? rag(o.appraisal[f.code]) : '–', '', '', '', '']);
  rows.push(['Total', 'Weights add up to 100', '', '', '', '', '']);
  return `<div class="sheet">
<h3 class="sheet-head" id="sheet-${n}">Sheet ${n}: ${title}</h3>
${o ? `<p>${esc(o.what_changes)} Comparators: ${peersText(o)}.</p>` : ''}
${table(`Scoring sheet ${n}`, ['Factor', 'The question', 'Evidence view', 'Weight', 'Score 0-5', 'Weight × score', 'Notes'], rows, { cls: 'sheet-table' })}
<p class="anchors small"><strong>Scale:</strong> ${ANCHORS.map(([k, v]) => `<strong>${k}</strong> ${esc(v.toLowerCase())}`).join(' · ')}</p>
<p>The room's decision: ☐ take forward &nbsp; ☐ hold &nbsp; ☐ drop. Why: <span class="fill">__________________________________________</span></p>
</div>`;
}

export function shortList(pack: PackData): string {
  return `<section class="chapter" aria-labelledby="shortlist"><h2 id="shortlist">8. Short list: scoring sheets</h2>
<p>The suggested short list is the options most comparators do; the room can change it. Agree the weights first (they should add up to 100), then score each option from 0 to 5 on this scale:</p>
${table('The anchored scale used for every factor', ['Score', 'Means'], ANCHORS)}
${pack.shortlist.map((o, i) => sheet(o, i + 1)).join('\n')}
${sheet(null, pack.shortlist.length + 1)}
</section>`;
}

export function sensitivityTable(pack: PackData): string {
  const c = pack.compare;
  const ranked = c.members.filter((m) => m.rank !== null);
  const sens = new Map(c.sensitivity.members.map((s) => [s.code, s]));
  const samples = c.sensitivity.settings.samples;
  const rows = ranked.map((m) => {
    const s = sens.get(m.code)!;
    return [
      esc(`${m.name}${m.is_local ? ' (local)' : ''}`),
      String(m.rank),
      samples ? esc(formatShare(s.p_same_rank)) : 'not run',
      s.rank_interval ? `${s.rank_interval[0]} to ${s.rank_interval[1]}` : '–',
      ...pack.preset_ranks.map((p) => (p.ranks[m.code] === null || p.ranks[m.code] === undefined ? 'not ranked' : String(p.ranks[m.code]))),
    ];
  });
  return `<section class="chapter" aria-labelledby="sensitivity"><h2 id="sensitivity">9. Does the ranking survive other weights?</h2>
<p>The ranking under the chosen weights (${DIMENSIONS.map((d) => `${d} ${Math.round(100 * c.weights.weights[d])}%`).join(', ')}), how often each council keeps its rank when the weights are varied around them (${samples.toLocaleString('en-GB')} samples, seed ${c.sensitivity.settings.seed}), and its rank under each preset. Only ranked councils are shown; the others lack the evidence to be ranked (section 4).</p>
${table('Sensitivity of the ranking to the weights', ['Council', 'Rank', 'Keeps its rank', 'Rank 90% of the time', ...pack.preset_ranks.map((p) => esc(p.preset))], rows)}
<ul class="small">${pack.preset_ranks.map((p) => `<li><strong>${esc(p.preset)}</strong>: ${esc(p.label)}</li>`).join('')}</ul>
</section>`;
}

const RISKS = [
  'Families lose a provider or worker they trust when the offer changes',
  'Staff are not trained for complex health needs or behaviour that challenges',
  'Too little time for children to get used to a new service before the old one ends',
  'Demand is higher than the places or budget, so waiting lists grow',
  'Parents, carers and young people are not part of the decision',
];

export function ragSummary(pack: PackData): string {
  const rows = pack.options.map((o) => {
    const counts = { supports: 0, some: 0, against: 0, unknown: 0 };
    for (const f of FACTORS) counts[o.appraisal[f.code].rating]++;
    const overall = counts.against ? { rating: 'against' as const, reason: '' } : counts.supports >= 3 ? { rating: 'supports' as const, reason: '' } : counts.supports + counts.some >= 3 ? { rating: 'some' as const, reason: '' } : { rating: 'unknown' as const, reason: '' };
    return [`${o.id}. ${esc(o.title)}`, rag(overall), `${counts.supports} supports, ${counts.some} some evidence, ${counts.against} against, ${counts.unknown} not known`];
  });
  return `<section class="chapter" aria-labelledby="rag"><h2 id="rag">10. Summary</h2>
<p>Overall view per option from the appraisal in section 7 (words and symbols carry the meaning; the colour only repeats it). "Evidence supports" needs at least three factors supported; any factor with evidence against shows as such.</p>
${pack.options.length ? table('Summary of the options', ['Option', 'Overall', 'Factors'], rows) : '<p>No options.</p>'}
<h3 id="risks">Risks to weigh</h3>
<p>Prompts from what goes wrong when short breaks are redesigned; the room adds its own and fills in the rest.</p>
${table('Risks for the room', ['Risk', 'Which options', 'Likelihood', 'Impact', 'How to reduce it'], [...RISKS.map((r) => [esc(r), '', '', '', '']), ['', '', '', '', ''], ['', '', '', '', '']], { cls: 'risks' })}
</section>`;
}
