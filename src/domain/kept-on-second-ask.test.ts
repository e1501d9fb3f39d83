import { describe, expect, it } from 'vitest';
import { keptOnSecondAsk } from './kept-on-second-ask.js';

describe('keptOnSecondAsk', () => {
  it('keeps a value only the second time its key comes', () => {
    const c = keptOnSecondAsk<number>(2);
    c.offer('a', 1);
    expect(c.get('a')).toBeUndefined();
    c.offer('a', 2);
    expect(c.get('a')).toBe(2);
  });

  it('drops the least recently used value past its size, and forgets keys asked once past four times it', () => {
    const c = keptOnSecondAsk<string>(2);
    for (const k of ['a', 'b', 'c']) {
      c.offer(k, k);
      c.offer(k, k);
    }
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBe('b');
    c.offer('d', 'd');
    c.offer('d', 'd'); // b was used more recently than c: c goes
    expect([c.get('b'), c.get('c'), c.get('d')]).toEqual(['b', undefined, 'd']);
    for (let i = 0; i < 9; i++) c.askedBefore(`x${i}`);
    expect(c.askedBefore('x0')).toBe(false); // forgotten: nine keys asked once, eight remembered
    expect(c.askedBefore('x8')).toBe(true);
  });
});
