// The crawl benchmark's synthetic site, shared by the bench and its child processes: 100 hosts x 50 pages on loopback.

export const HOSTS = 100;
export const PAGES_PER_HOST = 50;
export const DELAY_MS = 200;
export const BYTES_PER_PAGE = 21_000;
/** The politeness floor: one host's pages one after another, a delay before each. */
export const FLOOR_S = (PAGES_PER_HOST * DELAY_MS) / 1000;

/** council-001.test ... council-100.test: one name (so one registrable domain) per host. */
export const hostName = (i: number) => `council-${String(i + 1).padStart(3, '0')}.test`;

export const hostNames = (n = HOSTS) => Array.from({ length: n }, (_, i) => hostName(i));

/** What each child prints, as one JSON line on stdout. */
export interface CrawlChildResult {
  crawler: string;
  /** Pages the crawler says it finished (index pages included). */
  pages: number;
  wall_s: number;
  /** CPU time of the whole child process (user + system), start-up included. */
  cpu_s: number;
  peak_rss_mb: number;
}

export const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Reads `--name value` pairs from argv. */
export function childArgs(argv = process.argv.slice(2)): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i];
    const v = argv[i + 1];
    if (!k?.startsWith('--') || v === undefined) throw new Error(`bad arguments: ${argv.join(' ')}`);
    out[k.slice(2)] = v;
  }
  return out;
}

export function numberArg(args: Record<string, string>, name: string): number {
  const n = Number(args[name]);
  if (!Number.isFinite(n)) throw new Error(`--${name}: expected a number, got ${args[name]}`);
  return n;
}
