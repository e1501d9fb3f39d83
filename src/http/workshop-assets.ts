// The workshop pages' own stylesheet and the facilitator's live-update script, served from /static/ like the site's
// (no inline style or script under the pages' Content-Security-Policy). Kept in code so Node and Workers match.

export const WORKSHOP_CSS = `
.join-code{font-size:clamp(2.2rem,9vw,4.5rem);font-weight:700;letter-spacing:.08em;font-variant-numeric:tabular-nums;margin:.25rem 0;overflow-wrap:anywhere}
.join-box{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:center;border:3px solid #1d4f91;padding:1rem;max-width:60rem}
svg.qr{width:12rem;height:12rem;max-width:100%;display:block}
.scale-list{padding-left:1.25rem}
form.score fieldset,form.ws fieldset{border:2px solid #b1b4b6;padding:.75rem 1rem;margin:0 0 1rem;min-width:0}
form.ws,form.score{max-width:48rem;margin:1rem 0}
.choices{display:flex;flex-direction:column;gap:.35rem}
.choice{display:flex;align-items:center;gap:.6rem;font-weight:400;min-height:44px;margin:0;padding:.15rem .25rem;border-radius:4px}
.choice input{width:28px;height:28px;flex:none;margin:0;accent-color:#1d4f91}
.choice:hover{background:#f3f2f1}
textarea{font:inherit;width:100%;min-height:6rem;border:2px solid #0b0c0c;padding:.4rem .5rem}
textarea:focus{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #0b0c0c}
.field-error textarea,.field-error input[type=password]{border-color:#b10e1e}
input[type=password],input[type=text].code{font:inherit;padding:.4rem .5rem;border:2px solid #0b0c0c;max-width:100%}
input[type=text].code{text-transform:uppercase;letter-spacing:.1em;width:12rem}
.field{margin:0 0 1rem}
.option-list{list-style:none;padding:0}
.option-list li{border-left:5px solid #1d4f91;padding:.5rem .75rem;margin:0 0 .75rem;background:#f8f8f8}
.status-tag{display:inline-block;font-weight:700;padding:0 .4rem;border:2px solid currentColor;border-radius:3px;font-size:.9rem}
.tag-closed{color:#6b1f00}
.tag-done{color:#00703c}
.notice{border-left:6px solid #1d4f91;background:#e8f1f8;padding:.75rem 1rem;max-width:48rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
.actions form{margin:0}
button.secondary{background:#f3f2f1;color:#0b0c0c;border-bottom-color:#929191}
button.secondary:hover{background:#dbdad9}
button.warning{background:#d4351c;border-bottom-color:#55150b}
button.warning:hover{background:#aa2a16}
a.button{display:inline-block;font-weight:600;background:#00703c;color:#fff;padding:.55rem 1.25rem;text-decoration:none;min-height:44px;border-bottom:3px solid #002d18}
.card{border:2px solid #b1b4b6;padding:.75rem 1rem;margin:0 0 1.25rem;max-width:60rem}
.card h3{margin-top:0}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid #b1b4b6;overflow-wrap:anywhere}
figure.spread{margin:.5rem 0;width:16rem;max-width:100%}
.spreads{display:flex;flex-wrap:wrap;gap:.5rem 2rem}
figure.spread svg{display:block;width:100%;height:auto}
.easy{font-size:1.3rem;line-height:1.6}
.easy .choice{font-size:1.2rem}
.easy .pic{float:right;margin:0 0 .5rem .75rem}
.easy .face{flex:none}
.easy-idea::after{content:"";display:block;clear:both}
.live-status{min-height:1.5em}
@media (max-width:40rem){.join-box{display:block}svg.qr{width:10rem;height:10rem}.easy .pic{float:none}}
`;

/**
 * The facilitator's page stays current without a reload: with server-sent events where the server can hold a
 * connection (Node), else by asking every few seconds with the last ETag (the Worker answers 304 while nothing
 * changed). Either way the server renders the totals and the script only puts them in place.
 */
export const WORKSHOP_LIVE_JS = `
(function () {
  var live = document.getElementById('live');
  if (!live || !window.fetch) return;
  var src = live.getAttribute('data-src');
  var events = live.getAttribute('data-events');
  var status = document.getElementById('live-status');
  var etag = live.getAttribute('data-version') ? '"' + live.getAttribute('data-version') + '"' : null;
  var summary = document.getElementById('live-summary');
  var busy = false;
  function say(text) { if (status) status.textContent = text; }
  // A screen reader hears one summary line when the totals change (a polite live region), at most every 10 seconds,
  // never the whole table; the connection's state goes to the status line above it.
  var said = summary ? summary.textContent : '', saidAt = 0, timer = null;
  function announce() {
    var next = document.getElementById('live-summary-next');
    var text = next ? next.textContent.trim() : '';
    if (!summary || !text || text === said) return;
    var wait = saidAt + 10000 - Date.now();
    if (wait > 0) { if (!timer) timer = setTimeout(function () { timer = null; announce(); }, wait); return; }
    said = text;
    saidAt = Date.now();
    summary.textContent = 'At ' + new Date().toLocaleTimeString('en-GB') + ': ' + text;
  }
  function refresh() {
    if (busy) return;
    busy = true;
    var headers = { Accept: 'text/html' };
    if (etag) headers['If-None-Match'] = etag;
    fetch(src, { headers: headers, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 304) return null;
        if (!r.ok) throw new Error('status ' + r.status);
        etag = r.headers.get('ETag') || etag;
        return r.text();
      })
      .then(function (html) {
        busy = false;
        if (html === null) return;
        live.innerHTML = html;
        announce();
      })
      .catch(function () { busy = false; say('Could not update the totals; use the refresh link.'); });
  }
  if (events && window.EventSource) {
    var es = new EventSource(events);
    es.addEventListener('version', function (e) { if ('"' + e.data + '"' !== etag) refresh(); });
    es.onerror = function () { say('Live updates paused; trying again.'); };
    say('Totals update as scores arrive.');
  } else {
    setInterval(refresh, 4000);
    say('Totals update every few seconds.');
  }
})();
`;
