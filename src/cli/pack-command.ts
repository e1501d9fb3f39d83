// `sbb pack CODE --out FILE.zip|DIR`: a workshop option pack (HTML, PDF, easy read, data annex, manifest).
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import type { BuiltPack } from '../pack/pack-files.js';
import { THEMES } from '../pack/themes.js';
import { databaseOf, intOption } from './options.js';
import { writeOutFile } from './output.js';

interface PackFlags {
  db?: string;
  group?: string;
  theme?: string;
  weights?: string;
  samples?: number;
  seed?: number;
  contact?: string;
  returnBy?: string;
  pdf: boolean;
  out: string;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function registerPackCommand(program: Command, config: Config): void {
  program
    .command('pack')
    .description('build a workshop option pack: HTML, PDF, easy read, data annex (CSV, XLSX) and a manifest, as a ZIP or a directory')
    .argument('<code>', 'GSS code (E10000017), previous GSS code, DfE LA number (888) or name (Lancashire)')
    .requiredOption('--out <path>', 'FILE.zip for one ZIP, or a directory for the separate files')
    .option('--db <path>', 'database file')
    .option('--group <group>', 'comparator group: sn2025 (default), sn2021, region, type, positive-inspection or custom:CODE,CODE...')
    .option('--theme <theme>', `what the workshop looks at: ${THEMES.join(', ')}`, 'all')
    .option('--weights <weights>', 'a preset (balanced, equity-first, ...) and/or choice=..,equity=..,quality=..,suitability=..')
    .option('--samples <n>', 'weight samples for the sensitivity table (default 256)', intOption('--samples', 0, 100_000))
    .option('--seed <n>', 'random seed for the sensitivity samples', intOption('--seed', 0, 2 ** 31))
    .option('--contact <who>', "who families send the easy read's response card to (a name, email or address)")
    .option('--return-by <date>', 'the date the response cards are due back (YYYY-MM-DD)')
    .option('--no-pdf', 'leave out the PDFs (no Chromium needed)')
    .action((code: string, opts: PackFlags) =>
      withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        // Loaded here, not at start-up: the pack builder brings Vega, exceljs, fflate and playwright-core.
        const [{ buildPackFromStore }, { createChromiumPdfRenderer }] = await Promise.all([import('../node/pack-builder.js'), import('../pack/render/pdf-chromium.js')]);
        const pdf = opts.pdf ? createChromiumPdfRenderer({ executablePath: config.chromium }) : null;
        try {
          const pack = await buildPackFromStore(store, code, { group: opts.group, theme: opts.theme, weights: opts.weights, samples: opts.samples, seed: opts.seed, contact: opts.contact, return_by: opts.returnBy }, { pdf });
          writePack(pack, opts.out, (await import('../pack/pack-files.js')).zipPack);
          const c = pack.data.compare;
          process.stdout.write(`${c.council.name} against ${c.group.name}; theme ${pack.data.theme.code}; ${pack.data.options.length} options, ${pack.data.cards.length} evidence cards, ${pack.data.sources.length} sources; data of ${c.data_date ?? 'unknown date'}\n`);
          for (const w of c.warnings) process.stdout.write(`note: ${w}\n`);
        } finally {
          await pdf?.close();
        }
      }),
    );
}

/** Writes the pack as one ZIP (FILE.zip) or as separate files in a folder, creating missing folders. */
function writePack(pack: BuiltPack, out: string, zipPack: (pack: BuiltPack) => Uint8Array): void {
  if (/\.zip$/i.test(out)) {
    const zip = zipPack(pack);
    writeOutFile(out, zip);
    process.stdout.write(`wrote ${out} (${kb(zip.length)}): ${['manifest.json', ...pack.files.map((f) => f.path)].join(', ')}\n`);
    return;
  }
  for (const f of pack.files) writeOutFile(join(out, f.path), f.data);
  writeOutFile(join(out, 'manifest.json'), JSON.stringify(pack.manifest, null, 2) + '\n');
  process.stdout.write(`wrote ${pack.files.length + 1} files to ${out}:\n${pack.files.map((f) => `  ${f.path} (${kb(f.data.length)})`).join('\n')}\n  manifest.json\n`);
}
