// The `sbb` command line: parses arguments, runs a command, turns expected failures into clear messages.
import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/errors.js';
import { APP_VERSION } from '../domain/version.js';
import { registerClassifyCommands } from './classify-commands.js';
import { registerCompareCommands } from './compare-commands.js';
import { registerCouncilCommands } from './council-commands.js';
import { registerDbCommands } from './db-commands.js';
import { registerImportCommand } from './import-command.js';
import { registerOfstedCommands } from './ofsted-commands.js';
import { registerPackCommand } from './pack-command.js';
import { registerParseCommand } from './parse-command.js';
import { registerReparseCommand } from './reparse-command.js';
import { registerScrapeCommand } from './scrape-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerSourcesCommands } from './sources-command.js';

export function createProgram(): Command {
  const program = new Command('sbb')
    .description('short-breaks-benchmark: compare English councils\' short breaks offers for disabled children')
    .version(APP_VERSION)
    .exitOverride()
    .showHelpAfterError('(run sbb --help for usage)');
  registerServeCommand(program);
  registerDbCommands(program);
  registerImportCommand(program);
  registerCouncilCommands(program);
  registerSourcesCommands(program);
  registerScrapeCommand(program);
  registerReparseCommand(program);
  registerParseCommand(program);
  registerOfstedCommands(program);
  registerClassifyCommands(program);
  registerCompareCommands(program);
  registerPackCommand(program);
  return program;
}

/** Runs the CLI and returns the exit code: 0 done, 1 a failure the message explains, 2 a usage error. */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof AppError && e.kind !== 'internal') {
      process.stderr.write(`sbb: ${e.message}\n`);
      return e.kind === 'usage' ? 2 : 1;
    }
    process.stderr.write(`sbb: unexpected error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
