// Number words as digits, the way the phrase parsers read them.
import { describe, expect, it } from 'vitest';
import { normaliseNumbers } from './numbers.js';

describe('normaliseNumbers', () => {
  it.each([
    ['up to five hours a week', 'up to 5 hours a week'],
    ['forty-five minutes', '45 minutes'],
    ['twenty one days', '21 days'],
    ['one hundred hours', '100 hours'],
    ['their nineteenth birthday', 'their 19th birthday'],
    ['a one-off grant', 'a one-off grant'],
    ['aged 4–19', 'aged 4-19'],
    ['often someone', 'often someone'],
  ])('%s -> %s', (input, expected) => expect(normaliseNumbers(input)).toBe(expected));
});
