// `sbb ofsted parse|import|fetch`: read area SEND inspection reports (PDF) into outcomes and short-break findings.
// The report reader (unpdf) and the crawler load when a command runs, not when sbb starts.
import type { Command } from 'commander';
import { basename } from 'node:path';
import { AppError } from '../domain/errors.js';
import { crawlerSettings, withFlags, type Config } from '../node/config.js';
import { withDatabase } from '../node/open-database.js';
import { collect, databaseOf, inFlagTerms, usage } from './options.js';
import { printJson, printTable } from './output.js';

export function registerOfstedCommands(program: Command, config: Config): void {
  const ofsted = program.command('ofsted').description('Ofsted/CQC area SEND inspection reports: outcomes and what they say about short breaks');

  ofsted
    .command('parse')
    .description('read one report PDF and print what it says: area, dates, outcome, short-break findings with pages')
    .argument('<file>', 'a report PDF')
    .option('--json', 'print the whole record as JSON')
    .option('--council <code>', 'the council the report is for (GSS code, LA number or name), instead of the area it names')
    .option('--db <path>', 'database file (to match the area to a council)')
    .action((file: string, opts: { json?: boolean; council?: string; db?: string }) =>
      withDatabase(databaseOf(config, opts), { readonly: true }, async (store) => {
        const [{ isReportReadError }, { councilMatcher, readReportFile }] = await Promise.all([import('../../scrapers/ofsted/read-report.js'), import('../node/ofsted-import.js')]);
        const match = await inFlagTerms({ council: '--council' }, () => councilMatcher(store, { council: opts.council }));
        const report = await readReportFile(file, match).catch((e) => {
          throw isReportReadError(e) ? new AppError('invalid', e.message, { field: 'file', cause: e }) : e;
        });
        if (!report.council_code) process.stderr.write(`${report.file}: ${report.problems.join('; ')} (say which with --council CODE)\n`);
        if (opts.json) return void printJson(report);
        process.stdout.write(
          `${report.area_in_report} (${report.council_code ?? 'no council matched'}): inspected ${report.inspection_start} to ${report.inspection_end}; outcome ${report.outcome_code}, ${report.outcome_label}\n` +
            `previous inspection: ${report.previous_inspection_start ? `${report.previous_inspection_start} to ${report.previous_inspection_end}` : 'none stated'}; ` +
            `next full inspection: ${report.next_full_inspection ?? 'not stated'}${report.monitoring_inspection ? `; monitoring inspection ${report.monitoring_inspection}` : ''}\n\n` +
            `${report.findings.length} short-break finding${report.findings.length === 1 ? '' : 's'}\n`,
        );
        printTable(report.findings.map((f) => ({ page: f.page, polarity: f.polarity, cue: f.cue, sentence: f.text.length > 100 ? `${f.text.slice(0, 97)}...` : f.text })), ['page', 'polarity', 'cue', 'sentence']);
      }),
    );

  ofsted
    .command('import')
    .description('load report PDFs (files or folders) into the database; importing the same report again changes nothing')
    .argument('<paths...>', 'report PDFs or folders of them')
    .option('--council <code>', 'the council these reports are for (GSS code, LA number or name), instead of the area they name')
    .option('--db <path>', 'database file')
    .action((paths: string[], opts: { council?: string; db?: string }) =>
      withDatabase(databaseOf(config, opts), {}, async (store) => {
        const { importAreaSendReports } = await import('../node/ofsted-import.js');
        const r = await inFlagTerms({ council: '--council' }, () => importAreaSendReports(store, paths, { council: opts.council }));
        printTable(r.imported.map((i) => ({ file: i.file, council: i.council_code, outcome: i.outcome_code, findings: i.findings })), ['file', 'council', 'outcome', 'findings']);
        process.stdout.write(`imported ${r.imported.length} report${r.imported.length === 1 ? '' : 's'}${r.failed.length ? `; ${r.failed.length} could not be read` : ''}\n`);
        const hint = r.failed.some((f) => f.area !== undefined) ? '\na report whose area matches no council imports when you say which council it is for: --council CODE' : '';
        if (r.failed.length) throw new AppError('invalid', `these reports were not imported:\n${r.failed.map((f) => `  ${f.message}`).join('\n')}${hint}`);
      }),
    );

  ofsted
    .command('fetch')
    .description('fetch reports through the crawler (politely, kept as snapshots) and import them: the report_url of the reference data, or --url')
    .option('--council <code...>', 'councils whose latest report to fetch')
    .option('--url <url>', 'a report URL (with one --council)')
    .option('--allow-host <host>', 'allow a host on a private or loopback address (repeatable)', collect)
    .option('--db <path>', 'database file')
    .action(async (opts: { council?: string[]; url?: string; allowHost?: string[]; db?: string }) => {
      if (!opts.council?.length) throw usage('say which council with --council CODE');
      if (opts.url && opts.council.length !== 1) throw usage('--url needs exactly one --council');
      const council = opts.council;
      const { database, snapshots: snapshotsDir } = withFlags(config, opts);
      const [{ runScrape }, { createSnapshotFiles }, { isReportReadError, readAreaSendReport }, { councilMatcher, saveReport }] = await Promise.all([
        import('../../scrapers/crawl/scrape-run.js'),
        import('../../scrapers/snapshots/snapshot-files.js'),
        import('../../scrapers/ofsted/read-report.js'),
        import('../node/ofsted-import.js'),
      ]);
      await withDatabase(database, {}, async (store) => {
        const urls: Array<{ url: string; councilCode: string; adapter: string }> = [];
        for (const code of council) {
          const c = await inFlagTerms({ council: '--council' }, () => store.requireCouncil(code, 'council'));
          const url = opts.url ?? (await store.inspectionsOf(c.code)).find((i) => i.report_url)?.report_url;
          if (!url) throw new AppError('invalid', `no report URL known for ${c.name}: pass --url`, { field: 'url' });
          urls.push({ url, councilCode: c.code, adapter: 'snapshot' });
        }
        const run = await runScrape(store, { urls, snapshotsDir, settings: { allowHosts: opts.allowHost ?? [], ...crawlerSettings(config) } });
        const files = createSnapshotFiles(snapshotsDir);
        const match = await councilMatcher(store);
        for (const s of await store.crawl.latestSnapshots({ runId: run.runId })) {
          const bytes = files.get(s.sha256);
          if (!bytes) continue;
          // A report fetched for a council is that council's when its area names none.
          const fetchedFor = urls.find((u) => u.url === s.url)?.councilCode;
          try {
            const report = await readAreaSendReport(bytes, basename(new URL(s.url).pathname) || s.url, (area) => match(area) ?? fetchedFor);
            const id = await saveReport(store, report);
            process.stdout.write(`${s.url}: ${report.area_in_report}, outcome ${report.outcome_code}, ${report.findings.length} findings (${id})\n`);
          } catch (e) {
            if (!isReportReadError(e)) throw e;
            process.stdout.write(`${s.url}: not imported: ${e.message}\n`);
          }
        }
        for (const s of run.sources.filter((x) => x.status !== 'ok' && x.status !== 'not_modified')) process.stdout.write(`${s.url}: ${s.status}${s.reason ? ` (${s.reason})` : ''}\n`);
      });
    });
}
