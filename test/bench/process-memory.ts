// Bench helper: the memory of a process and all its descendants (a server and the Chromium it launched), read from
// /proc (Linux) as proportional set size, so pages the browser's processes share are counted once.
import { readdirSync, readFileSync } from 'node:fs';

function rssKb(pid: number): number {
  try {
    const m = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** MB resident in `pid` and every process below it. */
export function treeRssMb(pid: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of parent)
      if (!tree.has(p) && tree.has(pp)) {
        tree.add(p);
        grew = true;
      }
  }
  return Math.round([...tree].reduce((kb, p) => kb + rssKb(p), 0) / 1024);
}

/** Samples `read` every `ms` until stopped; returns the peak. */
export function peakOf(read: () => number, ms = 100): { stop(): number } {
  let peak = read();
  const t = setInterval(() => (peak = Math.max(peak, read())), ms);
  return {
    stop() {
      clearInterval(t);
      return Math.max(peak, read());
    },
  };
}
