// The easy-read sentence follows the option: its kind, its times (never dropped, never contradicted) and whether
// the council's own evidence already names it.
import { describe, expect, it } from 'vitest';
import { easySentence } from './easy-words.js';

describe('easySentence', () => {
  it('says the time the option names, and never "overnight" for a daytime option', () => {
    expect(easySentence('overnight_residential_unit', 'Overnight residential short break unit', ['daytime'], false)).toBe('You could spend time at a short break home during the day.');
    expect(easySentence('overnight_residential_unit', 'Overnight residential short break unit', ['overnight'], false)).toBe('You could stay overnight in a short break home.');
    expect(easySentence('overnight_residential_unit', 'Overnight residential short break unit', ['overnight', 'daytime'], false)).toBe('You could spend time at a short break home overnight or during the day.');
    expect(easySentence('holiday_play_scheme', 'Holiday play scheme', ['school_holiday'], false)).toBe('You could go to a play scheme in the school holidays.');
    expect(easySentence('residential_trip', 'Residential trip', ['school_holiday', 'overnight'], false)).toBe('You could go on a trip with a night or more away in the school holidays.');
    expect(easySentence('direct_payment', 'Direct payment', ['any'], false)).toBe('Your family could get money to choose and pay for your own breaks.');
  });

  it('asks for more, in one person, when the council\'s own evidence already names the kind of break', () => {
    expect(easySentence('direct_payment', 'Direct payment', ['any'], true)).toBe('More families could get money to choose and pay for their own breaks.');
    expect(easySentence('home_based_care', 'Home-based sitting or care', ['daytime'], true)).toBe('More children could have someone visit them at home during the day.');
  });

  it('names a kind it has no words for by its label, lower case', () => {
    expect(easySentence('new_kind', 'Forest school', [], false)).toBe('You could have a new kind of short break: forest school.');
  });
});
