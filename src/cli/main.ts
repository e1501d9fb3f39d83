// The `sbb` command line: parses arguments, runs a command, turns expected failures into clear messages.
import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/errors.js';
import { APP_VERSION } from '../domain/version.js';
import { readConfig, type Config } from '../node/config.js';
import { registerClassifyCommands } from './classify-commands.js';
import { registerCompareCommands } from './compare-commands.js';
import { registerCouncilCommands } from './council-commands.js';
import { registerCoverageCommand } from './coverage-command.js';
import { registerDbCommands } from './db-commands.js';
import { registerDiscoverCommand } from './discover-command.js';
import { registerImportCommand } from './import-command.js';
import { registerOfstedCommands } from './ofsted-commands.js';
import { registerPackCommand } from './pack-command.js';
import { registerParseCommand } from './parse-command.js';
import { progressLabel, startProgressLine, type ProgressLine } from './progress-line.js';
import { registerReparseCommand } from './reparse-command.js';
import { registerScrapeCommand } from './scrape-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerSourcesCommands } from './sources-command.js';
import { registerWorkshopCommands } from './workshop-commands.js';

/** The commands, each handed the configuration read from the environment (their flags laid over it). */
export function createProgram(config: Config = readConfig()): Command {
  const program = new Command('sbb')
    .description('short-breaks-benchmark: compare English councils\' short breaks offers for disabled children')
    .version(APP_VERSION)
    .exitOverride()
    .showHelpAfterError('(run sbb --help for usage)');
  registerServeCommand(program, config);
  registerDbCommands(program, config);
  registerImportCommand(program, config);
  registerCouncilCommands(program, config);
  registerCoverageCommand(program, config);
  registerSourcesCommands(program, config);
  registerDiscoverCommand(program, config);
  registerScrapeCommand(program, config);
  registerReparseCommand(program, config);
  registerParseCommand(program, config);
  registerOfstedCommands(program, config);
  registerClassifyCommands(program, config);
  registerCompareCommands(program, config);
  registerPackCommand(program, config);
  registerWorkshopCommands(program, config);
  // Any command that runs longer than a second shows a progress line on a terminal (stderr), cleared when it ends.
  program.hook('preAction', (_program, action) => {
    const path: string[] = [];
    for (let c: Command | null = action; c && c !== program; c = c.parent) path.unshift(c.name());
    const label = progressLabel(path, action.args);
    if (label) progress = startProgressLine(label);
  });
  program.hook('postAction', () => stopProgress());
  return program;
}

let progress: ProgressLine | undefined;
function stopProgress(): void {
  progress?.stop();
  progress = undefined;
}

const MAX_PROBLEMS = 50;

/** An expected failure in one line, then each problem the message does not already say (an import's bad records). */
function printAppError(e: AppError): void {
  const extra = e.problems.filter((p) => !e.message.includes(p.message));
  const lines = extra.slice(0, MAX_PROBLEMS).map((p) => `  ${p.field === e.field ? '' : `${p.field}: `}${p.message}\n`);
  if (extra.length > MAX_PROBLEMS) lines.push(`  ... and ${extra.length - MAX_PROBLEMS} more\n`);
  process.stderr.write(`sbb: ${e.message}\n${lines.join('')}`);
}

/**
 * Runs the CLI and returns the exit code: 0 done, 2 a malformed command line (kind `usage`), 1 any other failure
 * the message explains. The configuration is read from `env` here, once.
 */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  try {
    await createProgram(readConfig(env)).parseAsync(argv);
    return 0;
  } catch (e) {
    stopProgress();
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof AppError && e.kind !== 'internal') {
      printAppError(e);
      return e.kind === 'usage' ? 2 : 1;
    }
    process.stderr.write(`sbb: unexpected error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
