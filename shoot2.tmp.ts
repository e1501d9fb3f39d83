import { launchChromium } from '/work/wt-pages/src/pack/render/pdf-chromium.js';
const b = await launchChromium();
const [path, w, ...offsets] = process.argv.slice(2);
const p = await b.newPage({ viewport: { width: Number(w), height: 1400 } });
await p.goto('http://127.0.0.1:8791' + path);
for (const o of offsets) {
  await p.evaluate((y) => window.scrollTo(0, y), Number(o));
  await p.screenshot({ path: `/tmp/shots/seg-${w}-${o}.png` });
}
await b.close();
