import { describe, expect, it } from 'vitest';
import { emptyTurns, grantTurn, turnEnded } from './host-turns.js';

describe('host turns', () => {
  it('spaces grants asked at the same moment by the delay', () => {
    const s = emptyTurns();
    expect([grantTurn(s, 1000, 500), grantTurn(s, 1000, 500), grantTurn(s, 1000, 500)]).toEqual([1000, 1500, 2000]);
  });

  it('starts at once when the host has been quiet longer than its delay', () => {
    const s = emptyTurns();
    grantTurn(s, 0, 500);
    expect(grantTurn(s, 10_000, 500)).toBe(10_000);
  });

  it('waits the delay after a request that ended late', () => {
    const s = emptyTurns();
    grantTurn(s, 0, 500);
    turnEnded(s, 2_000, 500);
    expect(grantTurn(s, 2_100, 500)).toBe(2_500);
  });
});
