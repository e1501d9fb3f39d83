// The pack's charts, drawn by Vega-Lite as static SVG (no browser needed): the coverage grid and the score
// comparison. Each is wrapped as one labelled image; the tables beside them are the text alternative.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { DIMENSIONS } from '../scoring/config.js';
import type { PackData } from './pack-data.js';
import { cellInTheme } from './themes.js';

const FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';
const BASE_CONFIG = { aria: false, font: FONT, view: { stroke: null }, axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#1a1a1a', titleColor: '#1a1a1a' }, legend: { labelFontSize: 12, titleFontSize: 12, labelColor: '#1a1a1a', titleColor: '#1a1a1a' } };

export const STATUS = {
  local: { label: 'Found locally', mark: '✓ local', fill: '#1b5e20', text: '#ffffff' },
  gap: { label: 'Gap: comparators offer it', mark: 'gap', fill: '#ffd180', text: '#1a1a1a' },
  none: { label: 'Not found locally or at comparators', mark: '–', fill: '#eeeeee', text: '#1a1a1a' },
} as const;

async function toSvg(spec: TopLevelSpec, id: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  // One image with the figure's caption as its name: the marks' own ARIA roles and labels are dropped.
  const bare = svg.replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '').replace(/<title>[\s\S]*?<\/title>/g, '');
  return bare.replace(/^<svg /, `<svg role="img" aria-labelledby="${id}" focusable="false" `);
}

/** Column heads short enough for one line in the chart and the table. */
export const SHORT_SLOT: Record<string, string> = { term_time_after_school: 'After school', weekend: 'Weekend', school_holiday: 'Holidays', overnight: 'Overnight', daytime: 'Daytime', any: 'Not stated' };

export interface GridRow {
  type: string;
  slot: string;
  status: keyof typeof STATUS;
  peers: number;
  peer_names: string[];
}

export function gridRows(pack: PackData): GridRow[] {
  const gapBy = new Map(pack.gaps.analysis.gaps.map((g) => [g.cell, g]));
  return pack.gaps.grid
    .filter((c) => cellInTheme(pack.theme, c.type, c.slot))
    .map((c) => {
      const g = gapBy.get(c.key);
      return { type: c.type_label, slot: SHORT_SLOT[c.slot] ?? c.slot_label, status: c.local ? 'local' : g ? 'gap' : 'none', peers: g?.peers.length ?? 0, peer_names: g?.peers.map((p) => p.name) ?? [] };
    });
}

export function coverageChart(pack: PackData, id: string): Promise<string> {
  const rows = gridRows(pack).map((r) => ({ ...r, type: r.type.replace(/\s*\(.*\)$/, ''), label: STATUS[r.status].label, mark: r.status === 'gap' ? `gap: ${r.peers}` : STATUS[r.status].mark }));
  const keys = Object.keys(STATUS) as Array<keyof typeof STATUS>;
  const slots = [...new Set(rows.map((r) => r.slot))];
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: BASE_CONFIG,
    data: { values: rows },
    width: { step: 76 },
    height: { step: 28 },
    encoding: {
      x: { field: 'slot', type: 'nominal', sort: slots, title: 'When', axis: { orient: 'top', labelAngle: 0, labelLimit: 0, labelFontSize: 12, titleFontSize: 13 } },
      y: { field: 'type', type: 'nominal', sort: null, title: null, axis: { labelLimit: 0, labelFontSize: 13 } },
    },
    resolve: { scale: { color: 'independent' } },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: { color: { field: 'label', type: 'nominal', title: 'Cell', scale: { domain: keys.map((k) => STATUS[k].label), range: keys.map((k) => STATUS[k].fill) }, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 0, labelFontSize: 13, titleFontSize: 13, symbolType: 'square', symbolSize: 220, symbolStrokeColor: '#767676', symbolStrokeWidth: 1 } } },
      },
      {
        mark: { type: 'text', fontSize: 13, fontWeight: 'bold' },
        encoding: { text: { field: 'mark' }, color: { field: 'status', type: 'nominal', scale: { domain: keys, range: keys.map((k) => STATUS[k].text) }, legend: null } },
      },
    ],
  };
  return toSvg(spec, id);
}

const DIM_COLOURS = ['#0b4f8a', '#b35806', '#1b7837', '#762a83'];

export function scoreChart(pack: PackData, id: string): Promise<string> {
  const members = pack.compare.members.filter((m) => m.composite !== null && m.rank !== null);
  const label = (m: (typeof members)[number]) => `${m.name}${m.is_local ? ' (local)' : ''}`;
  const rows = members.flatMap((m) => DIMENSIONS.filter((d) => m.dimensions[d].score !== null).map((d) => ({ council: label(m), dimension: d, score: Math.round(m.dimensions[d].score!), text: `${d} ${Math.round(m.dimensions[d].score!)}` })));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: BASE_CONFIG,
    data: { values: rows },
    width: 400,
    height: { step: 13 },
    encoding: {
      y: { field: 'council', type: 'nominal', sort: members.map(label), title: null, axis: { labelLimit: 0 } },
      yOffset: { field: 'dimension', type: 'nominal', sort: [...DIMENSIONS] },
      x: { field: 'score', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Score within the group (0-100, higher is better)' },
    },
    layer: [
      { mark: { type: 'bar' }, encoding: { color: { field: 'dimension', type: 'nominal', sort: [...DIMENSIONS], scale: { domain: [...DIMENSIONS], range: DIM_COLOURS }, title: 'Dimension', legend: { orient: 'bottom', direction: 'horizontal' } } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#1a1a1a' }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
  };
  return toSvg(spec, id);
}
