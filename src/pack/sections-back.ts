// The pack's closing sections: limitations (what the data cannot say), the glossary and the numbered sources.
import { date, esc, link } from './html.js';
import type { PackData } from './pack-data.js';

export function limitations(pack: PackData): string {
  const c = pack.compare;
  const items = [
    'Not found is not the same as not provided. The pack reads what councils publish; a break that is offered but not published, or published where the data has not looked, shows as a gap.',
    ...pack.gaps.analysis.notes,
    ...c.warnings,
    'Scores compare councils within this group only; a score of 100 means the best in the group, not good in absolute terms.',
    'The appraisal in sections 7 and 10 uses only the evidence in the data. Affordability and much of achievability depend on budgets, providers and staff that only the room knows.',
    'Statistical neighbours are similar on children\'s services measures, not on their short breaks offers.',
  ];
  return `<section class="chapter" aria-labelledby="limits"><h2 id="limits">11. Limitations</h2>
<ul>${[...new Set(items)].map((x) => `<li>${esc(x)}</li>`).join('\n')}</ul>
</section>`;
}

const GLOSSARY: Array<[string, string]> = [
  ['Short break', 'Time away from caring for the family and a chance for a disabled child to have new experiences: a club, a play scheme, a sitter at home, a night away.'],
  ['Short breaks services statement', 'The document every English council must publish saying which short breaks it offers, who can get them and how.'],
  ['Access tier', 'Universal: open to all, no referral. Targeted: through a referral, a card or a register, without an assessment. Specialist: after a social-care assessment.'],
  ['Gate', 'What a family must show to get a break: a registration card, a benefit, an EHC plan, a professional\'s letter, an income limit or an assessment.'],
  ['Direct payment', 'Money the council pays to a family so they can arrange and pay for the breaks they choose.'],
  ['EHC plan', 'Education, health and care plan: a legal document describing a child\'s special educational needs and the support to meet them.'],
  ['Area SEND inspection', 'A joint Ofsted and Care Quality Commission inspection of how well a local area serves children with special educational needs and disabilities.'],
  ['Statistical neighbours', 'The ten councils the Department for Education\'s model finds most like a council on children\'s services measures.'],
  ['Type and time grid', 'Every kind of break set against when it happens (after school, weekends, holidays, overnight, daytime).'],
  ['Gap', 'A cell of the grid that at least one comparator covers and that was not found for the local council.'],
  ['Composite score', 'The weighted average of the four dimension scores (choice, equity, quality, suitability), each from 0 to 100 within the group.'],
  ['Evidence (coverage)', 'The share of a council\'s weighted inputs that are known. Below the threshold a council is not ranked.'],
  ['Sensitivity', 'How often the ranking stays the same when the weights change a little.'],
  ['Critical success factors', 'What a good option must achieve, used to judge every option the same way.'],
  ['RAG', 'Red, amber, green: a summary rating. Here each rating also has a word and a symbol.'],
  ['IDACI', 'Income Deprivation Affecting Children Index: the share of children living in income-deprived families.'],
];

export function glossary(): string {
  return `<section class="chapter" aria-labelledby="glossary"><h2 id="glossary">12. Glossary</h2>
<dl class="facts">${GLOSSARY.map(([t, d]) => `<dt>${esc(t)}</dt><dd>${esc(d)}</dd>`).join('\n')}</dl>
</section>`;
}

export function sources(pack: PackData): string {
  const rows = pack.sources.map(
    (s) => `<li id="source-${s.n}" value="${s.n}">${link(s.url, s.title)}${s.council ? ` · ${esc(s.council)}` : ''} · ${esc(s.kind)} · published ${esc(date(s.published))}${s.retrieved ? `; read ${esc(date(s.retrieved))}` : ''}${s.snapshot ? `; snapshot ${esc(s.snapshot.sha256.slice(0, 12))} of ${esc(date(s.snapshot.fetched_at.slice(0, 10)))}` : ''}<br><span class="url">${esc(s.url)}</span></li>`,
  );
  return `<section class="chapter" aria-labelledby="sources"><h2 id="sources">13. Sources</h2>
<p>Every source this pack uses, numbered as cited. "Read" is when the information was gathered; "published" is the date the source itself states.</p>
<ol class="sources">${rows.join('\n')}</ol>
</section>`;
}
