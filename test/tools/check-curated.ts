// Temporary checker for curated files (until `sbb import --dry-run` exists).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { indexTaxonomy } from '../../src/domain/index.js';
import { parseCuratedText, formatOf } from '../../src/curated/parse-file.js';
import { validateRecords } from '../../src/curated/validate-records.js';
const taxonomy = indexTaxonomy(JSON.parse(readFileSync('/work/main/data/taxonomy/taxonomy.json', 'utf8')));
const councils = parse(readFileSync('/work/main/data/reference/la_master_153.csv'), { columns: true }) as Array<Record<string,string>>;
const councilCodes = new Set(councils.map((r) => r.new_la_code!));
let bad = 0;
for (const file of process.argv.slice(2)) {
  const fmt = formatOf(file)!;
  const raw = parseCuratedText(readFileSync(file, 'utf8'), fmt);
  const { records, problems } = validateRecords(raw.raws, { taxonomy, councilCodes });
  const all = [...raw.problems, ...problems];
  for (const p of all) console.log(`${file}: record ${p.record}${p.id ? ` (${p.id})` : ''}: ${p.field}: ${p.message}`);
  console.log(`${file}: ${records.length} valid records, ${all.length} problems`);
  bad += all.length;
}
process.exit(bad ? 1 : 0);
