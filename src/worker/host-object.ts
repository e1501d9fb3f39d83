// The Durable Object for one host: its turns (when the next request may start) and its robots.txt, so that every
// consumer of the crawl queue keeps the host's delay and reads its robots rules once, whatever the concurrency.
import { emptyTurns, grantTurn, turnEnded, type HostTurnsState } from '../../scrapers/crawl/host-turns.js';
import type { AttemptState } from '../../scrapers/fetch/retry-policy.js';

export interface RobotsCopy {
  status: number;
  body: string;
  /** When it was read (ms): an unreachable file is asked again after a while. */
  at: number;
}

type Call =
  | { op: 'turn'; delayMs: number }
  | { op: 'done'; delayMs: number }
  | { op: 'robots' }
  | { op: 'robots_put'; robots: RobotsCopy }
  | { op: 'state'; key: string }
  | { op: 'state_put'; key: string; state: AttemptState | null };

export class HostTurnsObject {
  private turns: HostTurnsState | undefined;

  constructor(private readonly ctx: DurableObjectState) {}

  private async load(): Promise<HostTurnsState> {
    this.turns ??= (await this.ctx.storage.get<HostTurnsState>('turns')) ?? emptyTurns();
    return this.turns;
  }

  async fetch(request: Request): Promise<Response> {
    const call = (await request.json()) as Call;
    const s = this.ctx.storage;
    switch (call.op) {
      case 'turn': {
        // The object handles one call at a time: the read, the grant and the write happen before the next call.
        const turns = await this.load();
        const at = grantTurn(turns, Date.now(), call.delayMs);
        await s.put('turns', turns);
        return Response.json({ at });
      }
      case 'done': {
        const turns = await this.load();
        turnEnded(turns, Date.now(), call.delayMs);
        await s.put('turns', turns);
        return Response.json({ ok: true });
      }
      case 'robots':
        return Response.json({ robots: (await s.get<RobotsCopy>('robots')) ?? null });
      case 'robots_put':
        await s.put('robots', call.robots);
        return Response.json({ ok: true });
      case 'state':
        return Response.json({ state: (await s.get<AttemptState>(`retry:${call.key}`)) ?? null });
      case 'state_put':
        if (call.state) await s.put(`retry:${call.key}`, call.state);
        else await s.delete(`retry:${call.key}`);
        return Response.json({ ok: true });
    }
  }
}

/** A client for one host's object. */
export function hostObject(ns: DurableObjectNamespace, host: string) {
  const stub = ns.get(ns.idFromName(host));
  const call = async <T>(body: Call): Promise<T> => {
    const res = await stub.fetch('https://host-turns/', { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`host object for ${host}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    turn: async (delayMs: number) => (await call<{ at: number }>({ op: 'turn', delayMs })).at,
    done: (delayMs: number) => call({ op: 'done', delayMs }),
    robots: async () => (await call<{ robots: RobotsCopy | null }>({ op: 'robots' })).robots,
    putRobots: (robots: RobotsCopy) => call({ op: 'robots_put', robots }),
    state: async (key: string) => (await call<{ state: AttemptState | null }>({ op: 'state', key })).state ?? undefined,
    putState: (key: string, state: AttemptState | null) => call({ op: 'state_put', key, state }),
  };
}
