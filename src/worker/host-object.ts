// The Durable Object for one host: its turns (one request at a time, the next the host's delay after the previous
// ended) and its robots.txt, so every consumer of the crawl queue keeps the host's delay and reads its robots rules
// once, whatever the concurrency. Retry state of its pages waiting in the queue is kept here too.
import { HostGate } from '../../scrapers/crawl/host-gate.js';
import type { AttemptState } from '../../scrapers/fetch/retry-policy.js';

export interface RobotsCopy {
  status: number;
  body: string;
  /** When it was read (ms): an unreachable file is asked again after a while. */
  at: number;
}

type Call =
  | { op: 'turn'; delayMs: number }
  | { op: 'done'; token: number; delayMs: number }
  | { op: 'busy' }
  | { op: 'robots' }
  | { op: 'robots_put'; robots: RobotsCopy }
  | { op: 'state'; key: string }
  | { op: 'state_put'; key: string; state: AttemptState | null };

export class HostTurnsObject {
  /** In memory: an object evicted has no request in flight, so a new gate starts open. */
  private readonly gate = new HostGate();

  constructor(private readonly ctx: DurableObjectState) {}

  async fetch(request: Request): Promise<Response> {
    const call = (await request.json()) as Call;
    const s = this.ctx.storage;
    switch (call.op) {
      case 'turn':
        // Answered when the host's turn comes: the consumer starts its request on the answer.
        return Response.json({ token: await this.gate.turn(call.delayMs) });
      case 'done':
        this.gate.ended(call.token, call.delayMs);
        return Response.json({ ok: true });
      case 'busy':
        return Response.json({ queued: this.gate.queued });
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
    /** Resolves when a request to the host may start, with the token to end it with. */
    turn: async (delayMs: number) => (await call<{ token: number }>({ op: 'turn', delayMs })).token,
    done: (token: number, delayMs: number) => call({ op: 'done', token, delayMs }),
    /** Consumers waiting for the host's turn now. */
    queued: async () => (await call<{ queued: number }>({ op: 'busy' })).queued,
    robots: async () => (await call<{ robots: RobotsCopy | null }>({ op: 'robots' })).robots,
    putRobots: (robots: RobotsCopy) => call({ op: 'robots_put', robots }),
    state: async (key: string) => (await call<{ state: AttemptState | null }>({ op: 'state', key })).state ?? undefined,
    putState: (key: string, state: AttemptState | null) => call({ op: 'state_put', key, state }),
  };
}
