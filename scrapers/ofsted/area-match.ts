// Matches the local area a report names ("Telford & Wrekin", "the Greenwich", "Bedford Borough") to a council, through
// the one council lookup (src/domain/council-lookup.ts): the matcher only takes off the words reports put around it.
import { councilLookup, foldName, type CouncilKeys, type CouncilLookup } from '../../src/domain/council-lookup.js';

/** What reports put around an area's name: "Local Area Partnership", "local area", "SEND partnership", "area". */
const REPORT_WORDS = /\s+(?:(?:send|local)\s+)?(?:local area partnership|area partnership|local area|partnership|area)$/;

/** The area as a comparable phrase: folded as the lookup folds names, without the words reports add around it. */
export function normaliseAreaName(name: string): string {
  let n = foldName(name);
  for (let prev = ''; prev !== n; ) {
    prev = n;
    n = n.replace(REPORT_WORDS, '').replace(/^(?:the|in|of|for)\s+/, '').trim();
  }
  return n;
}

/** The code of the council a report's area names, or undefined when it names none (or more than one). */
export type AreaMatcher = (area: string) => string | undefined;

/** A matcher over the councils (or a lookup already made of them). */
export function createAreaMatcher(councils: readonly CouncilKeys[] | Pick<CouncilLookup<{ code: string }>, 'find'>): AreaMatcher {
  const lookup = Array.isArray(councils) ? councilLookup(councils as readonly CouncilKeys[]) : (councils as Pick<CouncilLookup<{ code: string }>, 'find'>);
  return (area) => {
    const trimmed = area.trim();
    if (!trimmed) return undefined;
    return (lookup.find(trimmed) ?? lookup.find(normaliseAreaName(trimmed)))?.code;
  };
}
