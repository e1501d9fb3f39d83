// One host's turns for crawlers that share it from anywhere (the Durable Object per host on Workers; the bench's
// simulation): each grant is a start time at least the host's delay after the previous grant and after the end of the
// previous request, so no two requests to a host start closer than its delay, however many consumers ask at once.

export interface HostTurnsState {
  /** The earliest time the next request may start (ms since the epoch). */
  next: number;
  /** Grants made. */
  granted: number;
}

export const emptyTurns = (): HostTurnsState => ({ next: 0, granted: 0 });

/** Grants a turn at or after `now`; reserves it (the next turn is `delayMs` later). Returns the start time. */
export function grantTurn(state: HostTurnsState, now: number, delayMs: number): number {
  const at = Math.max(now, state.next);
  state.next = at + delayMs;
  state.granted++;
  return at;
}

/** A request ended at `now`: the next one waits `delayMs` after it, as the Node crawler's lanes do. */
export function turnEnded(state: HostTurnsState, now: number, delayMs: number): void {
  state.next = Math.max(state.next, now + delayMs);
}
