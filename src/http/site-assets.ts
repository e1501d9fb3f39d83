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
@media (max-width:40rem){.weights{grid-template-columns:1fr}select,input[type=text]{min-width:0;width:100%}h1{font-size:1.5rem}.downloads a{display:block}}
@media print{form.pick,.downloads,.skip{display:none}}
`;

/**
 * Progressive enhancement for /compare: as a weight slider moves, show its value, and after a pause fetch the
 * comparison for the new weights and redraw the ranking, the position sentence and the sensitivity table. The
 * page works without it (the form submits). Text goes in with textContent, never as HTML.
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
  if (!code || !window.fetch) return;
  var timer = null, seq = 0;
  function spec() {
    return dims.map(function (d) { return d + '=' + document.getElementById('w-' + d).value; }).join(',');
  }
  function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; }
  function fmt(v) { return v === null || v === undefined ? '-' : Number(v).toFixed(1); }
  function pct(v) { return v === null || v === undefined ? '-' : Math.round(v * 100) + '%'; }
  function refresh() {
    var group = form.querySelector('[name=group]').value;
    var mine = ++seq;
    var status = document.getElementById('live-status');
    status.textContent = 'Updating the comparison for the new weights...';
    fetch('/api/compare/' + encodeURIComponent(code) + '?group=' + encodeURIComponent(group) + '&weights=' + encodeURIComponent(spec()) + '&samples=1000')
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (mine !== seq) return;
        if (!body.ok) { status.textContent = 'Could not update: ' + body.error; return; }
        var r = body.data;
        var tbody = document.querySelector('#ranking tbody');
        while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
        var sens = {};
        r.sensitivity.members.forEach(function (m) { sens[m.code] = m; });
        r.members.forEach(function (m) {
          var tr = document.createElement('tr');
          if (m.is_local) tr.className = 'local';
          cell(tr, m.rank === null ? 'not ranked' : String(m.rank));
          var th = document.createElement('th'); th.scope = 'row'; th.textContent = m.name + (m.is_local ? ' (your council)' : ''); tr.appendChild(th);
          cell(tr, fmt(m.composite), 'num');
          dims.forEach(function (d) { cell(tr, fmt(m.dimensions[d].score), 'num'); });
          cell(tr, pct(m.coverage), 'num');
          cell(tr, m.rank === null ? '-' : pct(sens[m.code] ? sens[m.code].p_same_rank : null), 'num');
          cell(tr, m.unranked_reason || '');
          tbody.appendChild(tr);
        });
        document.getElementById('position').textContent = body.meta.position || '';
        var table = document.getElementById('sensitivity');
        var ranked = r.members.filter(function (m) { return m.rank !== null; });
        if (table) {
          var head = table.querySelector('thead tr');
          while (head.children.length > 1) head.removeChild(head.lastChild);
          ranked.forEach(function (_m, i) { var th = document.createElement('th'); th.scope = 'col'; th.className = 'num'; th.textContent = 'Rank ' + (i + 1); head.appendChild(th); });
          var sb = table.querySelector('tbody');
          while (sb.firstChild) sb.removeChild(sb.firstChild);
          ranked.forEach(function (m) {
            var tr = document.createElement('tr');
            if (m.is_local) tr.className = 'local';
            var th = document.createElement('th'); th.scope = 'row'; th.textContent = m.name; tr.appendChild(th);
            ranked.forEach(function (_x, i) { cell(tr, pct(sens[m.code] ? sens[m.code].p_rank[i] : 0), 'num'); });
            sb.appendChild(tr);
          });
        }
        var q = '?group=' + encodeURIComponent(group) + '&weights=' + encodeURIComponent(spec()) + '&theme=' + encodeURIComponent(form.querySelector('[name=theme]').value);
        document.querySelectorAll('a[data-pack]').forEach(function (a) { a.href = '/api/packs/' + encodeURIComponent(code) + '.' + a.getAttribute('data-pack') + q; });
        var params = new URLSearchParams(new FormData(form));
        history.replaceState(null, '', '/compare?' + params.toString());
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
