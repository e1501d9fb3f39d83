// Lists the packages the compiled CLI's entry chunk imports statically (what `sbb --help` pays for).
import { build } from 'esbuild';
const r = await build({ absWorkingDir: '/work/main', entryPoints: ['src/cli/main.ts'], outdir: '/tmp/distprobe', bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', metafile: true, write: false, logLevel: 'error', jsx: 'automatic', jsxImportSource: 'hono/jsx' });
for (const [out, meta] of Object.entries(r.metafile.outputs)) {
  if (!meta.entryPoint) continue;
  const seen = new Set(); const stack = [out]; const pkgs = new Set(); const inputs = new Set();
  while (stack.length) { const o = stack.pop(); if (seen.has(o)) continue; seen.add(o); const m = r.metafile.outputs[o];
    for (const i of m.imports) { if (i.kind !== 'import-statement') continue; if (i.external) pkgs.add(i.path); else stack.push(i.path); }
    for (const k of Object.keys(m.inputs)) inputs.add(k); }
  console.log('static packages:', [...pkgs].filter(p=>!p.startsWith('node:')).sort().join(' '));
  if (process.argv[2]) console.log([...inputs].sort().join('\n'));
}
