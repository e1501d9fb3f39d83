// The easy-read sentence of an option, derived from the option itself (its kind, its time slots and whether the
// council's own evidence already mentions it), so the easy read never says something the option does not.

interface Doing {
  who: 'you' | 'family';
  /** The change without its time: "go to a play scheme". */
  doing: (slots: readonly string[]) => string;
  /** Time slots the phrase already says (a trip away is overnight): not repeated. */
  implied?: (slots: readonly string[]) => readonly string[];
}

const onlyNight = (s: readonly string[]) => s.length === 1 && s[0] === 'overnight';

const DOING: Record<string, Doing> = {
  holiday_play_scheme: { who: 'you', doing: () => 'go to a play scheme' },
  weekend_club: { who: 'you', doing: () => 'go to a club' },
  after_school_club: { who: 'you', doing: () => 'go to a club' },
  youth_club: { who: 'you', doing: () => 'go to a youth club with other young people' },
  sport_arts_leisure_inclusion: { who: 'you', doing: () => 'get help to join sport, art or leisure activities' },
  buddy_befriending: { who: 'you', doing: () => 'have a buddy to go out with' },
  community_activity_grant: { who: 'family', doing: () => 'get a card or money for activities you choose' },
  home_based_care: { who: 'you', doing: () => 'have someone visit you at home' },
  family_based_short_break: { who: 'you', doing: () => 'stay for a short time with another trained family' },
  overnight_residential_unit: { who: 'you', doing: (s) => (onlyNight(s) ? 'stay overnight in a short break home' : 'spend time at a short break home'), implied: (s) => (onlyNight(s) ? ['overnight'] : []) },
  residential_trip: { who: 'you', doing: () => 'go on a trip with a night or more away', implied: () => ['overnight'] },
  direct_payment: { who: 'family', doing: () => 'get money to choose and pay for your own breaks' },
  short_break_grant: { who: 'family', doing: () => 'get a grant to spend on breaks' },
  transport_inclusion_support: { who: 'you', doing: () => 'get help to travel to activities' },
};

const WHEN: Record<string, string> = {
  term_time_after_school: 'after school',
  weekend: 'at weekends',
  school_holiday: 'in the school holidays',
  overnight: 'overnight',
  daytime: 'during the day',
};

const orList = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);

/**
 * One short sentence for children and young people. "more" when the council's own evidence already names this
 * kind of break: the sentence then asks for more of it rather than claiming it would be new.
 */
export function easySentence(type: string, label: string, slots: readonly string[], more: boolean): string {
  const d = DOING[type];
  const timed = slots.filter((s) => s !== 'any');
  const when = orList(timed.filter((s) => !(d?.implied?.(timed) ?? []).includes(s)).map((s) => WHEN[s] ?? s));
  const doing = d ? d.doing(timed) : `have a new kind of short break: ${label.toLowerCase()}`;
  const who = more ? (d?.who === 'family' ? 'More families' : 'More children') : d?.who === 'family' ? 'Your family' : 'You';
  // "More children could have someone visit them", never "visit you": the sentence keeps one person throughout.
  const ownWord = !more ? doing : d?.who === 'family' ? doing.replace(/\byour own\b/g, 'their own').replace(/\byou choose\b/g, 'children choose') : doing.replace(/\byour\b/g, 'their').replace(/\byou\b/g, 'them');
  return `${who} could ${ownWord}${when ? ` ${when}` : ''}.`;
}
