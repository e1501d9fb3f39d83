// The easy-read companion for children and young people: short sentences, one idea each, large type, three to
// five ideas framed as "what would change for you", and a response card to fill in on paper or on screen.
import { BASE_CSS, date, esc, list, page } from './html.js';
import type { PackOption } from './options.js';
import type { PackData } from './pack-data.js';

const EASY_CSS = `${BASE_CSS}
html { font-size: 137.5%; line-height: 1.6; }
body { max-width: 40rem; }
h1 { font-size: 1.8rem; }
h2 { font-size: 1.4rem; }
p { margin: 0 0 0.7rem; }
.idea { border: 3px solid var(--accent); border-radius: 8px; padding: 0.5rem 1rem; margin: 1.2rem 0; }
fieldset { border: 2px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: 0.5rem 1rem; }
legend { font-weight: bold; padding: 0 0.3rem; }
label { display: block; margin: 0.4rem 0; }
input[type=radio] { width: 1.4rem; height: 1.4rem; vertical-align: middle; margin-right: 0.5rem; }
textarea { width: 100%; min-height: 6rem; font: inherit; border: 2px solid var(--line); }
.face { vertical-align: middle; margin-right: 0.5rem; }
.idea h3 { margin-top: 0.3rem; }
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

/** Three to five ideas: service options first (they change what a child can do), then access ones. */
export function easyIdeas(pack: PackData): PackOption[] {
  const withPeers = pack.options.filter((o) => o.peers.length);
  return [...withPeers.filter((o) => o.kind === 'service'), ...withPeers.filter((o) => o.kind === 'access')].slice(0, 5);
}

export function renderEasyRead(pack: PackData): string {
  const name = esc(pack.compare.council.name);
  const ideas = easyIdeas(pack);
  const ideaHtml = ideas.map(
    (o, i) => `<section class="idea" aria-labelledby="idea-${i + 1}">
<h3 id="idea-${i + 1}">Idea ${i + 1}</h3>
<p><strong>What would change for you:</strong> ${esc(o.easy_read)}</p>
<p>${o.peers.length === 1 ? 'Another council does this.' : 'Other councils do this.'}</p>
<p>${esc(list(o.peers.map((p) => p.name)))} ${o.peers.length === 1 ? 'does' : 'do'} this now.</p>
</section>`,
  );
  const cardHtml = ideas.map(
    (o, i) => `<fieldset>
<legend>Idea ${i + 1}: ${esc(o.easy_read)}</legend>
${CHOICES.map(([v, faceSvg, words]) => `<label><input type="radio" name="idea-${i + 1}" value="${v}">${faceSvg}<span>${words}</span></label>`).join('\n')}
</fieldset>`,
  );
  const body = `<main id="main">
<h1>Short breaks in ${name}: what could change for you</h1>
<p>Short breaks are time to do things you enjoy.</p>
<p>They also give your family a rest.</p>
<p>${name} wants to make short breaks better.</p>
<p>We looked at what other councils do.</p>
<p>We found some ideas.</p>
<p>We want to know what you think.</p>
<h2 id="ideas">The ideas</h2>
${ideas.length ? ideaHtml.join('\n') : '<p>We did not find new ideas in the information we have.</p>'}
${ideas.length < 3 ? `<p>We found ${ideas.length === 1 ? 'only one idea' : ideas.length === 2 ? 'only two ideas' : 'no ideas'} to show you.</p><p>Please tell us your own ideas on the card.</p>` : ''}
<p>We only looked at what councils write on their websites.</p>
<p>Some councils may do more than they write.</p>
<section class="card-page" aria-labelledby="card">
<h2 id="card">Your response card</h2>
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
  return page({ title: `Short breaks in ${pack.compare.council.name}: what could change for you (easy read)`, css: EASY_CSS, body });
}
