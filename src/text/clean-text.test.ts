// Mojibake repair: each UTF-8 sequence by the length its lead byte announces, text garbled twice, lost bytes.
import { describe, expect, it } from 'vitest';
import { hasMojibake, repairMojibake, repairMojibakeDeep } from './clean-text.js';

describe('repairMojibake', () => {
  it.each([
    ['10am â€“\u00a02pm', '10am –\u00a02pm'],
    ['â€¦\u00a0more', '…\u00a0more'],
    ['â€œquotedâ€', '“quoted”'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['Ã¢â‚¬â„¢', '’'],
    ['Â£10 Â£', '£10 £'],
    ['cafÃ©Â½', 'café½'],
    ['£5Â 2pm, Â£5Â', '£5 2pm, £5'],
  ])('%j -> %j', (input, output) => {
    expect(repairMojibake(input)).toBe(output);
    expect(hasMojibake(repairMojibake(input))).toBe(false);
    expect(hasMojibake(input)).toBe(true);
  });

  it('leaves proper text alone', () => {
    for (const s of ['café – don’t “x” £5 ½ naïve voilà… Zoë Ð Ö', 'Â', 'plain ascii']) expect(repairMojibake(s)).toBe(s);
  });
});

describe('repairMojibakeDeep', () => {
  it('repairs strings at any depth and leaves other values alone', () => {
    const when = new Date(0);
    expect(repairMojibakeDeep({ a: 'donâ€™t', b: ['Â£5', { c: 'cafÃ©', n: 3, z: null }], when })).toEqual({ a: 'don’t', b: ['£5', { c: 'café', n: 3, z: null }], when });
  });
});
