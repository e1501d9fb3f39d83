// The site's stylesheet and its one small script, served from /static/ so the pages can run under a strict
// Content-Security-Policy (no inline styles or scripts). Kept in code so Node and Workers serve the same bytes.

export const SITE_CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.5;font-size:1.0625rem}
header,main,footer{max-width:76rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:4px solid #1d4f91}
h1{font-size:1.9rem;margin:.5rem 0}
h2{font-size:1.45rem;margin:2rem 0 .5rem}
h3{font-size:1.15rem;margin:1.25rem 0 .25rem}
a{color:#1d4f91;text-underline-offset:.15em}
a:hover{color:#003078}
a:focus,button:focus,select:focus,input:focus,summary:focus{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #0b0c0c}
.skip{position:absolute;left:-999px;top:0;background:#ffbf47;color:#0b0c0c;padding:.5rem 1rem;z-index:2}
.skip:focus{left:1rem}
.muted{color:#4b4b4b}
.lede{font-size:1.15rem;max-width:48rem}
form.pick{display:grid;gap:1rem;max-width:48rem;border:2px solid #b1b4b6;padding:1rem 1.25rem;margin:1rem 0}
label,legend{font-weight:600;display:block;margin-bottom:.25rem}
.hint{font-weight:400;color:#4b4b4b;display:block;font-size:.95rem}
select,input[type=text]{font:inherit;padding:.4rem .5rem;border:2px solid #0b0c0c;min-width:18rem;max-width:100%;background:#fff;color:#0b0c0c}
fieldset{border:none;padding:0;margin:0}
.weights{display:grid;grid-template-columns:minmax(8rem,auto) minmax(10rem,20rem) 3rem;gap:.5rem 1rem;align-items:center}
.weights label{margin:0}
input[type=range]{width:100%;accent-color:#1d4f91;min-height:24px}
output{font-variant-numeric:tabular-nums;font-weight:600}
button{font:inherit;font-weight:600;background:#00703c;color:#fff;border:0;border-bottom:3px solid #002d18;padding:.55rem 1.25rem;cursor:pointer;justify-self:start;min-height:44px}
button:hover{background:#005a30}
table{border-collapse:collapse;width:100%;font-size:.98rem;margin:.5rem 0 1rem}
.table-wrap{overflow-x:auto;max-width:100%}
caption{text-align:left;font-weight:600;padding:.5rem 0;font-size:1.05rem}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #b1b4b6;vertical-align:top}
thead th{background:#f3f2f1;border-bottom:2px solid #0b0c0c}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.totals{width:auto;max-width:40rem}
table.totals th{font-weight:400}
th .hint,td .hint{font-size:.9rem}
.nowrap{white-space:nowrap}
tr.local th,tr.local td{background:#e8f1f8;font-weight:600}
.position{border-left:6px solid #1d4f91;background:#f3f2f1;padding:.75rem 1rem;max-width:60rem}
.robust{font-weight:700}
.downloads{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;list-style:none}
.downloads a{display:inline-block;border:2px solid #1d4f91;padding:.5rem 1rem;font-weight:600;text-decoration:none;min-height:44px}
.downloads a:hover{background:#e8f1f8}
.warn{border-left:6px solid #b45309;padding:.5rem 1rem;background:#fdf6ec;max-width:60rem}
.error{border:4px solid #b10e1e;padding:.75rem 1rem;max-width:60rem}
ul.gaps{padding-left:1.25rem}
ul.gaps li{margin:.5rem 0}
h2.h3{font-size:1.15rem;margin:.5rem 0 .25rem}
code{overflow-wrap:anywhere}
a.url{overflow-wrap:anywhere}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
.error-summary{border:5px solid #b10e1e;padding:1rem 1.25rem;margin:1rem 0 1.5rem;max-width:48rem}
.error-summary h2{margin:0 0 .75rem;font-size:1.3rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:#b10e1e;font-weight:600}
.error-summary:focus{outline:3px solid #ffbf47;outline-offset:0}
.error-message{color:#b10e1e;font-weight:600;margin:.25rem 0}
.field-error{border-left:5px solid #b10e1e;padding-left:.75rem}
.field-error select,.field-error input[type=text]{border-color:#b10e1e}
form.search{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.75rem;max-width:48rem;margin:1rem 0}
form.search .field{flex:1 1 16rem}
form.search input[type=text]{width:100%}
ul.columns{columns:16rem;padding-left:1.25rem}
figure.chart{margin:1rem 0;max-width:34rem}
figure.chart svg{display:block;width:100%;height:auto}
figcaption{font-size:.95rem}
table.stack caption{font-weight:600}
@media (max-width:40rem){
.weights{grid-template-columns:1fr}select,input[type=text]{min-width:0;width:100%}h1{font-size:1.5rem}.downloads a{display:block}
table.stack{border-top:2px solid #0b0c0c}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
table.stack,table.stack tbody{display:block;width:100%}
table.stack tr{display:flex;flex-wrap:wrap;gap:0 1rem}
table.stack th[scope=row],table.stack td.wide{flex:1 1 100%}
table.stack tr.local{background:#e8f1f8}
table.stack td{flex:1 1 8.5rem}
table.stack caption{display:block;text-align:left;font-size:1rem}
table.stack tr{border-bottom:2px solid #b1b4b6;padding:.4rem 0}
table.stack th[scope=row]{display:block;border:0;padding:.2rem 0;font-weight:700}
table.stack td{display:block;border:0;padding:.1rem 0;text-align:left;overflow-wrap:anywhere;min-width:0}
table.stack td.num{text-align:left}
table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
.table-wrap{overflow-x:visible}
}
@media print{form.pick,form.search,.downloads,.skip,#live-status{display:none}a.url{overflow-wrap:anywhere}table{page-break-inside:auto}tr{page-break-inside:avoid}}
`;

/**
 * Progressive enhancement for /compare: as a weight slider moves, show its value, and after a pause fetch the page
 * for the new weights from the server and put its results in place of these (the server renders them, so the
 * script never draws a table of its own). The page works without it (the form submits).
 */
export const WORKSHOP_JS = `
(function () {
  var form = document.querySelector('form.pick');
  if (!form) return;
  var code = form.getAttribute('data-council');
  var dims = ['choice', 'equity', 'quality', 'suitability'];
  dims.forEach(function (d) {
    var input = document.getElementById('w-' + d);
    var out = document.getElementById('o-' + d);
    if (input && out) input.addEventListener('input', function () { out.textContent = input.value; });
  });
  if (!code || !window.fetch || !window.DOMParser || !document.getElementById('results')) return;
  var timer = null, seq = 0;
  function spec() {
    return dims.map(function (d) { return d + '=' + document.getElementById('w-' + d).value; }).join(',');
  }
  function refresh() {
    var mine = ++seq;
    var status = document.getElementById('live-status');
    status.textContent = 'Updating the comparison for the new weights...';
    var query = new URLSearchParams(new FormData(form)).toString();
    fetch('/compare?' + query, { headers: { Accept: 'text/html' } })
      .then(function (r) { return r.text().then(function (text) { return { ok: r.ok, text: text }; }); })
      .then(function (res) {
        if (mine !== seq) return;
        var doc = new DOMParser().parseFromString(res.text, 'text/html');
        var fresh = doc.getElementById('results');
        if (!res.ok || !fresh) {
          var summary = doc.querySelector('.error-summary li');
          status.textContent = 'Could not update: ' + (summary ? summary.textContent : 'use the Compare button.');
          return;
        }
        var current = document.getElementById('results');
        current.parentNode.replaceChild(document.importNode(fresh, true), current);
        history.replaceState(null, '', '/compare?' + query);
        status.textContent = 'Comparison updated for weights ' + spec().replace(/,/g, ', ') + '.';
      })
      .catch(function () { if (mine === seq) status.textContent = 'Could not update the comparison; use the Compare button.'; });
  }
  dims.forEach(function (d) {
    var input = document.getElementById('w-' + d);
    if (input) input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 300); });
  });
})();
`;
