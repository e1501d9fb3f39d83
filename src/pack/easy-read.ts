// The easy-read companion for children and young people: short sentences, one idea each, large type, three to
// five ideas framed as "what would change for you", and a response card to fill in on paper or on screen.
import { EASY_BASE_CSS, date, esc, list, page } from './html.js';
import { ideaPicture } from './easy-pictures.js';
import { foundEasy } from './found-text.js';
import type { PackOption } from './options.js';
import type { PackData } from './pack-data.js';

const EASY_CSS = `${EASY_BASE_CSS}
fieldset { min-width: 0; border: 2px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: 0.5rem 1rem; }
legend { font-weight: bold; padding: 0 0.3rem; }
label { display: block; margin: 0.4rem 0; }
input[type=radio] { width: 1.4rem; height: 1.4rem; vertical-align: middle; margin-right: 0.5rem; }
textarea { width: 100%; min-height: 6rem; font: inherit; border: 2px solid var(--line); }
.face { vertical-align: middle; margin-right: 0.5rem; }
.idea h3 { margin-top: 0.3rem; }
.idea .pic { float: right; margin: 0.3rem 0 0.5rem 0.8rem; }
.idea::after { content: ""; display: block; clear: both; }
.found p:last-child { margin-bottom: 0; }
@media print {
  html, body { font-size: 16pt; }
  h1 { font-size: 26pt; }
  h2 { font-size: 21pt; }
  .card-page { break-before: page; }
  .idea, fieldset { break-inside: avoid; }
}
`;

/** Faces drawn as SVG (no emoji font is needed to print them); the words beside them carry the meaning. */
const face = (mouth: string) =>
  `<svg class="face" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><circle cx="16" cy="16" r="14" fill="#ffe9a8" stroke="#1a1a1a" stroke-width="2"/><circle cx="11" cy="13" r="2" fill="#1a1a1a"/><circle cx="21" cy="13" r="2" fill="#1a1a1a"/><path d="${mouth}" fill="none" stroke="#1a1a1a" stroke-width="2.2" stroke-linecap="round"/></svg>`;

const CHOICES = [
  ['like', face('M9 19 Q16 26 23 19'), 'I like this'],
  ['unsure', face('M10 21 L22 21'), 'I am not sure'],
  ['dislike', face('M9 23 Q16 16 23 23'), 'I do not like this'],
] as const;

/**
 * Three to five ideas: service options first (they change what a child can do), then access ones. An option the
 * council's own offer may already cover (an offer of the same kind with no times stated) is never an idea.
 */
export function easyIdeas(pack: PackData): PackOption[] {
  const usable = pack.options.filter((o) => o.peers.length && !o.maybe_covered);
  return [...usable.filter((o) => o.kind === 'service'), ...usable.filter((o) => o.kind === 'access')].slice(0, 5);
}

function idea(pack: PackData, o: PackOption, i: number): string {
  const name = esc(pack.compare.council.name);
  const n = i + 1;
  const nearby = o.nearby.slice(0, 3);
  return `<section class="idea" aria-labelledby="idea-${n}">
${ideaPicture(o, `idea-${n}-pic`)}
<h3 id="idea-${n}">Idea ${n}</h3>
<p><strong>What would change for you:</strong></p>
<p class="easy">${esc(o.easy_read)}</p>
${o.when ? `<p class="when"><strong>When:</strong> ${esc(o.when)}</p>` : ''}
${o.local_evidence.length ? `<p>Reports about ${name} already talk about this.</p><p>${name} may have some of it already.</p>` : ''}
${nearby.length ? `<p>${name} already has:</p><ul class="nearby">${nearby.map((x) => `<li>${esc(x.name)}</li>`).join('')}</ul>` : o.local_evidence.length ? '' : `<p>We did not find anything like this from ${name}.</p>`}
<p>${o.peers.length === 1 ? 'Another council does this.' : 'Other councils do this.'}</p>
<p>${esc(list(o.peers.map((p) => p.name)))} ${o.peers.length === 1 ? 'does' : 'do'} this now.</p>
</section>`;
}

/** How, by when and to whom the card goes back; what the workshop lead has not said is said to be not known. */
function returnCard(pack: PackData): string {
  const r = pack.response;
  return `<h3 id="send">How to give us your card</h3>
<p>Fill in this card on paper or on screen.</p>
<p>Give it back to the person who gave it to you.</p>
${r.contact ? `<p>Or send it to: ${esc(r.contact)}</p>` : ''}
${r.return_by ? `<p class="by">Please give it back by ${esc(date(r.return_by))}.</p>` : '<p class="by">We have not been told a date to give it back by.</p><p>Please ask the person who gave you this card.</p>'}
${r.contact ? `<p class="contact">Who to contact: ${esc(r.contact)}</p>` : '<p class="contact">We do not have a name to contact yet.</p><p>Please ask the person who gave you this card.</p>'}`;
}

export function renderEasyRead(pack: PackData): string {
  const council = pack.compare.council.name;
  const name = esc(council);
  const ideas = easyIdeas(pack);
  const found = foundEasy(pack.found, council).map((x) => `<p>${esc(x)}</p>`).join('\n');
  const cardHtml = ideas.map(
    (o, i) => `<fieldset>
<legend>Idea ${i + 1}: ${esc(o.easy_read)}${o.when ? ` (${esc(o.when)})` : ''}</legend>
${CHOICES.map(([v, faceSvg, words]) => `<label><input type="radio" name="idea-${i + 1}" value="${v}">${faceSvg}<span>${words}</span></label>`).join('\n')}
</fieldset>`,
  );
  const body = `<main id="main">
<h1>Short breaks in ${name}: what could change for you</h1>
<p>Short breaks are time to do things you enjoy.</p>
<p>They also give your family a rest.</p>
<p>${name} wants to make short breaks better.</p>
<h2 id="found">What we found about ${name}</h2>
<div class="${pack.found.level === 'some' ? 'note' : 'warn'} found">
${found}
</div>
<p>We looked at what other councils do.</p>
<p>We want to know what you think.</p>
<h2 id="ideas">The ideas</h2>
${ideas.length ? ideas.map((o, i) => idea(pack, o, i)).join('\n') : '<p>We did not find new ideas in the information we have.</p>'}
${ideas.length < 3 ? `<p>We found ${ideas.length === 1 ? 'only one idea' : ideas.length === 2 ? 'only two ideas' : 'no ideas'} to show you.</p><p>Please tell us your own ideas on the card.</p>` : ''}
<p>We only looked at what councils write on their websites.</p>
<p>Some councils may do more than they write.</p>
<section class="card-page" aria-labelledby="card">
<h2 id="card">Your response card</h2>
${returnCard(pack)}
<p>Choose one answer for each idea.</p>
<p>There are no wrong answers.</p>
${cardHtml.join('\n')}
<label for="more">What else would make short breaks better for you?</label>
<textarea id="more" name="more" rows="5"></textarea>
<label for="who">Your first name (you do not have to say):</label>
<textarea id="who" name="who" rows="1"></textarea>
</section>
<p class="muted">Made from information read up to ${esc(date(pack.compare.data_date, 'an unknown date'))}.</p>
</main>`;
  return page({ title: `Short breaks in ${council}: what could change for you (easy read)`, css: EASY_CSS, body });
}
