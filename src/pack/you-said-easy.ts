// The easy-read "you said, we did" for children and young people: one idea at a time with its picture, how many
// people liked it (in words and a face), what we decided and why, in short sentences and large type.
import { type OptionResult, type Workshop, type WorkshopResults } from '../domain/workshop.js';
import { EASY_BASE_CSS, esc, page } from './html.js';
import { optionPicture, scoreFace } from './you-said-pictures.js';
import { roleCount } from './you-said.js';

const EASY_CSS = `${EASY_BASE_CSS}
.idea .pic { float: right; margin: 0.3rem 0 0.5rem 0.8rem; }
.idea::after { content: ""; display: block; clear: both; }
.face { vertical-align: middle; margin-right: 0.5rem; }
@media screen and (max-width: 30rem) { .idea .pic { float: none; display: block; margin: 0.3rem 0; } }
@media print { html, body { font-size: 16pt; } .idea { break-inside: avoid; } }
`;

const DECIDED: Record<string, string> = {
  taken_forward: 'We will do this.',
  not_taken_forward: 'We will not do this.',
  needs_more_work: 'We need to think about this more.',
};

function liked(o: OptionResult): string {
  if (o.responses === 0 || o.mean === null) return '<p><strong>Nobody scored this idea.</strong></p>';
  const score = Math.round(o.mean);
  const words = score >= 4 ? 'People liked this a lot.' : score >= 3 ? 'People liked this.' : score >= 2 ? 'People liked this a little.' : 'People did not think this would help.';
  const young = o.by_role.young_person;
  const youngText = young.responses === 0 || young.mean === null ? 'No young people scored this idea.' : 'Young people scored this idea too.';
  return `<p>${scoreFace(score)}${words}</p>
<p>${o.participants} ${o.participants === 1 ? 'person' : 'people'} scored it.</p>
<p>${youngText}</p>`;
}

function idea(o: OptionResult, w: Workshop, n: number): string {
  const opt = w.options.find((x) => x.id === o.id);
  const young = o.comments.filter((c) => c.status === 'approved' && c.role === 'young_person').slice(0, 3);
  return `<section class="idea" aria-labelledby="idea-${n}">
${optionPicture(o, `idea-${n}-pic`)}
<h2 id="idea-${n}">Idea ${n}: ${esc(o.title)}</h2>
${opt?.easy_read ? `<p>${esc(opt.easy_read)}</p>` : ''}
<h3>You said</h3>
${liked(o)}
${young.length ? `<p>Young people wrote:</p>${young.map((c) => `<blockquote><p>${esc(c.text)}</p></blockquote>`).join('')}` : ''}
<h3>We did</h3>
${o.decision ? `<p><strong>${DECIDED[o.decision.decision] ?? ''}</strong></p><p>This is why: ${esc(o.decision.reason)}</p>` : '<p><strong>We have not decided yet.</strong></p>'}
</section>`;
}

export function renderYouSaidEasy(w: Workshop, r: WorkshopResults): string {
  const body = `<main id="main">
<h1>You said, we did</h1>
<p>${esc(r.council_name)} asked people about short breaks.</p>
<p>Short breaks are time to do things you enjoy.</p>
<p>${r.participants.total === 1 ? '1 person' : `${r.participants.total} people`} gave us their ideas.</p>
${r.participants.by_role.young_person ? `<p>${roleCount('young_person', r.participants.by_role.young_person)} helped.</p>` : '<p>No young people took part this time.</p>'}
<p>Thank you for telling us what you think.</p>
${r.options.map((o, i) => idea(o, w, i + 1)).join('\n')}
</main>`;
  return page({ title: `You said, we did: ${r.title} (easy read)`, css: EASY_CSS, body });
}
