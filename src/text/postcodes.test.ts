// UK postcodes found in text and read from a postcode field.
import { describe, expect, it } from 'vitest';
import { findPostcode } from './postcodes.js';

describe('findPostcode', () => {
  it('finds and normalises a postcode', () => {
    expect(findPostcode('Mill Lane, Samplebury, sb1 4qt')).toBe('SB1 4QT');
    expect(findPostcode('MT27LR')).toBe('MT2 7LR');
    expect(findPostcode('no postcode here')).toBeUndefined();
  });
});
