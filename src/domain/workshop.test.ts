import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, displayCode, joinPath, normaliseCode } from './workshop.js';

describe('join codes', () => {
  it('read as typed: any case, spaces, with or without the dash', () => {
    for (const typed of ['ABCD-EFGH', 'abcd-efgh', 'ABCDEFGH', ' abcd efgh ', 'Abcd-Efgh']) expect(normaliseCode(typed), typed).toBe('ABCDEFGH');
  });

  it('refuse what cannot be a code: wrong length, 0/O/1/I, other characters', () => {
    for (const typed of ['ABCD-EFG', 'ABCD-EFGHJ', 'ABCD-EFG0', 'ABCD-EFGO', 'ABCD-EFG1', 'ABCD-EFGI', 'ABCD_EFGH', '', '../../etc']) expect(normaliseCode(typed), typed).toBeNull();
  });

  it('are shown in two halves, and joined at /w/', () => {
    expect(displayCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(joinPath('ABCDEFGH')).toBe('/w/ABCD-EFGH');
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
  });
});
