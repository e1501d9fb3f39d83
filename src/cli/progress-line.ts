// A progress line on stderr for any command that takes longer than a second: only on a terminal (never in a pipe or
// a log), rewritten in place with the time so far, and cleared when the command ends.

export interface ProgressLine {
  /** Clears the line (if it was shown) and stops updating it. */
  stop(): void;
}

interface LineStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

/**
 * Starts a line saying `label` and the seconds so far, shown only after `delayMs` and only when `stream` is a
 * terminal. While it shows, anything written to `output` (stdout) first clears it, so results never run into it.
 */
export function startProgressLine(label: string, stream: LineStream = process.stderr, delayMs = 1000, everyMs = 250, output: LineStream | undefined = stream === process.stderr ? process.stdout : undefined): ProgressLine {
  if (!stream.isTTY) return { stop: () => undefined };
  const started = Date.now();
  let shown = false;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    shown = true;
    stream.write(`\r\x1b[2K${label} (${Math.floor((Date.now() - started) / 1000)} s)`);
  };
  const waiting = setTimeout(() => {
    draw();
    ticker = setInterval(draw, everyMs);
    ticker.unref?.();
  }, delayMs);
  waiting.unref?.();
  const write = output?.write;
  if (output && write)
    output.write = (...args: unknown[]) => {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
      return (write as (...a: unknown[]) => unknown).apply(output, args);
    };
  return {
    stop() {
      clearTimeout(waiting);
      if (ticker) clearInterval(ticker);
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
      if (output && write) output.write = write;
    },
  };
}

/** What a command is doing, in a few words, for its progress line; commands that show their own progress have none. */
export function progressLabel(path: readonly string[], args: readonly string[]): string | undefined {
  const name = path.join(' ');
  if (['serve', 'scrape', 'discover'].includes(name)) return undefined;
  const what: Record<string, string> = {
    pack: 'building the pack (HTML, easy read, annex, PDF)',
    'db build': 'building the database',
    import: 'importing and classifying',
    classify: 'classifying offers',
    reparse: 'parsing stored pages again',
    compare: 'scoring the group',
    score: 'scoring every council',
    gaps: 'finding the gaps',
    'ofsted import': 'reading the reports',
    'ofsted parse': 'reading the report',
  };
  const subject = args.find((a) => !a.startsWith('-'));
  return `sbb ${name}${subject ? ` ${subject}` : ''}: ${what[name] ?? 'working'}...`;
}
