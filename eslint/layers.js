// Lint rules for the architecture (README, Layout): imports run one way between layers, and only the Node
// folders may import Node-only modules. Each import is resolved against the importing file's own path.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * The layers, lowest first. A file may import its own layer and any layer listed in its `may` list; nothing else.
 * Folders are matched by the longest prefix, so `src/pack/render/` is its own layer inside `src/pack/`.
 */
export const LAYERS = [
  { name: 'domain', dirs: ['src/domain/'], may: [] },
  { name: 'text', dirs: ['src/text/'], may: ['domain'] },
  { name: 'store', dirs: ['src/store/'], may: ['domain'] },
  { name: 'inputs', dirs: ['src/reference/', 'src/curated/'], may: ['domain', 'text'] },
  { name: 'classify', dirs: ['src/classify/'], may: ['domain', 'text'] },
  { name: 'scoring', dirs: ['src/scoring/'], may: ['domain', 'text'] },
  { name: 'pack', dirs: ['src/pack/'], may: ['domain', 'text', 'classify', 'scoring'] },
  { name: 'pack-render', dirs: ['src/pack/render/'], may: ['domain', 'text', 'classify', 'scoring', 'pack'] },
  // Scrapers see the Store only as an interface (type imports); see the no-store-values rule below.
  { name: 'scrapers', dirs: ['scrapers/'], may: ['domain', 'text', 'store'] },
  {
    name: 'services',
    dirs: ['src/services/'],
    may: ['domain', 'text', 'store', 'inputs', 'classify', 'scoring', 'pack', 'scrapers'],
  },
  { name: 'http', dirs: ['src/http/'], may: ['domain', 'text', 'store', 'inputs', 'classify', 'scoring', 'pack', 'services'] },
  {
    name: 'node',
    dirs: ['src/node/'],
    may: ['domain', 'text', 'store', 'inputs', 'classify', 'scoring', 'pack', 'pack-render', 'scrapers', 'services', 'http'],
  },
  {
    name: 'cli',
    dirs: ['src/cli/'],
    may: ['domain', 'text', 'store', 'inputs', 'classify', 'scoring', 'pack', 'pack-render', 'scrapers', 'services', 'http', 'node'],
  },
  { name: 'worker', dirs: ['src/worker.ts', 'src/worker/'], may: ['domain', 'store', 'classify', 'services', 'http', 'scrapers'] },
];

/** Where Node-only modules may be imported: scrapers, the better-sqlite3 driver, pack rendering, Node entry points. */
export const NODE_ONLY_ALLOWED = ['scrapers/', 'src/store/drivers/better-sqlite3.ts', 'src/pack/render/', 'src/node/', 'src/cli/', 'bin/', 'test/', 'eslint/'];
const NODE_ONLY = [/^node:/, /^undici(\/|$)/, /^playwright-core(\/|$)/, /^exceljs(\/|$)/, /^better-sqlite3(\/|$)/, /^cli-progress(\/|$)/, /^commander(\/|$)/];

const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');

export function layerOf(relPath) {
  let best;
  for (const layer of LAYERS)
    for (const d of layer.dirs)
      if ((relPath === d || relPath.startsWith(d)) && (!best || d.length > best.dir.length)) best = { layer, dir: d };
  return best?.layer;
}

const importNodes = (context, check) => ({
  ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
  ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
  ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
  ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
});

const noUpwardImport = {
  meta: { type: 'problem', docs: { description: 'imports run one way between layers (README, Layout)' }, schema: [] },
  create(context) {
    const file = rel(context.filename);
    const from = layerOf(file);
    if (!from) return {};
    return importNodes(context, (node, spec, typeOnly) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = rel(path.resolve(path.dirname(context.filename), spec));
      if (target.startsWith('data/')) return;
      const to = layerOf(target);
      if (!to || to === from) return;
      if (from.name === 'scrapers' && to.name === 'store' && !typeOnly)
        return context.report({ node, message: `scrapers see the Store only as an interface: import type from "${spec}"` });
      if (!from.may.includes(to.name))
        context.report({ node, message: `${from.name} (${file}) may not import ${to.name} ("${spec}"): imports run one way (README, Layout)` });
    });
  },
};

const nodeOnly = {
  meta: { type: 'problem', docs: { description: 'Node-only modules stay in the Node folders, so the app bundles for Workers' }, schema: [] },
  create(context) {
    const file = rel(context.filename);
    if (NODE_ONLY_ALLOWED.some((d) => file === d || file.startsWith(d))) return {};
    return importNodes(context, (node, spec, typeOnly) => {
      if (typeOnly || typeof spec !== 'string') return;
      if (NODE_ONLY.some((re) => re.test(spec)))
        context.report({ node, message: `"${spec}" is Node-only: import it from scrapers/, src/node/, src/cli/, src/pack/render/ or the better-sqlite3 driver` });
    });
  },
};

// ---- Import cycles, type-only imports included (import-x/no-cycle skips those, so the graph is read here). ----
const SPEC = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Resolves a relative specifier as TypeScript does under NodeNext: `./x.js` is `./x.ts` or `./x.tsx`. */
function resolveSpec(fromFile, spec) {
  const abs = path.resolve(path.dirname(fromFile), spec);
  const base = abs.replace(/\.js$/, '');
  for (const c of [base + '.ts', base + '.tsx', abs]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return rel(c);
  return undefined;
}

function sourceFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of ['src', 'scrapers']) if (fs.existsSync(path.join(ROOT, d))) walk(d);
  return out;
}

let graph;
/** The import graph of src/ and scrapers/ and its strongly connected components, read once per lint run. */
function importGraph() {
  if (graph) return graph;
  const edges = new Map();
  for (const f of sourceFiles()) {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    const targets = new Set();
    for (const m of text.matchAll(SPEC)) {
      const t = resolveSpec(path.join(ROOT, f), m[1] ?? m[2]);
      if (t && /\.tsx?$/.test(t)) targets.add(t);
    }
    edges.set(f, [...targets]);
  }
  // Tarjan's strongly connected components.
  const index = new Map(), low = new Map(), stack = [], onStack = new Set(), component = new Map();
  let i = 0;
  const visit = (v) => {
    index.set(v, i); low.set(v, i); i++; stack.push(v); onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const members = [];
      let w;
      do { w = stack.pop(); onStack.delete(w); members.push(w); } while (w !== v);
      for (const m of members) component.set(m, members);
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  graph = { edges, component };
  return graph;
}

/** The shortest path of imports from `from` back to `to`, inside their component. */
function pathBack(g, from, to) {
  const members = new Set(g.component.get(from));
  const prev = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const v = queue.shift();
    if (v === to) break;
    for (const w of g.edges.get(v) ?? []) if (members.has(w) && !prev.has(w)) { prev.set(w, v); queue.push(w); }
  }
  const out = [];
  for (let v = to; v; v = prev.get(v)) out.unshift(v);
  return out;
}

const noCycle = {
  meta: { type: 'problem', docs: { description: 'no import cycles in src/ and scrapers/, type-only imports included' }, schema: [] },
  create(context) {
    const file = rel(context.filename);
    return importNodes(context, (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolveSpec(context.filename, spec);
      const g = importGraph();
      const comp = target && g.component.get(file);
      if (!comp || comp.length < 2 || !comp.includes(target)) return;
      const loop = [file, ...pathBack(g, target, file)];
      context.report({ node, message: `import cycle: ${loop.join(' -> ')}` });
    });
  },
};

export default { rules: { 'no-cycle': noCycle, 'no-upward-import': noUpwardImport, 'node-only': nodeOnly } };
