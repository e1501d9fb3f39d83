/** @jsxImportSource hono/jsx */
// The ranked councils' overall scores as a bar chart in inline SVG (no script, nothing the Content-Security-Policy
// blocks): one bar per ranked council, best first, the local council marked. Unranked councils are not drawn.
import type { CompareResult } from '../scoring/compare.js';

const WIDTH = 400;
const ROW = 38;
const TOP = 8;
const BAR = 14;
const SCALE = 340 / 100;

export function ScoreChart(props: { compare: CompareResult }) {
  const r = props.compare;
  const ranked = r.members.filter((m) => m.rank !== null && m.composite !== null);
  if (!ranked.length) return null;
  const height = TOP + ranked.length * ROW + 22;
  const unranked = r.members.filter((m) => m.rank === null).map((m) => m.name);
  return (
    <figure class="chart">
      <svg id="score-chart" role="img" aria-labelledby="score-chart-title score-chart-desc" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" focusable="false">
        <title id="score-chart-title">Overall scores of the ranked councils, 0 to 100</title>
        <desc id="score-chart-desc">
          {ranked.map((m) => `${m.rank}. ${m.name}${m.is_local ? ' (your council)' : ''}: ${m.composite!.toFixed(1)}`).join('; ')}
        </desc>
        {ranked.map((m, i) => {
          const y = TOP + i * ROW;
          const w = Math.max(1, m.composite! * SCALE);
          return (
            <g>
              <text x="0" y={y + 12} font-size="13" fill="#0b0c0c" font-weight={m.is_local ? '700' : '400'}>
                {`${m.rank}. ${m.name}${m.is_local ? ' (your council)' : ''}`}
              </text>
              <rect x="0" y={y + 17} width={w.toFixed(1)} height={BAR} fill={m.is_local ? '#1d4f91' : '#6f777b'} />
              <text x={(w + 6).toFixed(1)} y={y + 29} font-size="13" fill="#0b0c0c">
                {m.composite!.toFixed(1)}
              </text>
            </g>
          );
        })}
        <line x1="0" x2={100 * SCALE} y1={height - 16} y2={height - 16} stroke="#0b0c0c" stroke-width="1" />
        {[0, 50, 100].map((t) => (
          <text x={t * SCALE} y={height - 2} font-size="12" fill="#0b0c0c" text-anchor={t === 0 ? 'start' : t === 100 ? 'end' : 'middle'}>
            {String(t)}
          </text>
        ))}
      </svg>
      <figcaption class="muted">
        Overall score of each ranked council (0-100 within the group). {unranked.length ? `Not drawn, because not ranked: ${unranked.join(', ')}.` : ''}
      </figcaption>
    </figure>
  );
}
