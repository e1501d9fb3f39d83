// "Did you mean" for the pages: the council lookup's near misses (typos), and when it has none, councils whose name
// a shortening fits ("lancs" for Lancashire, "notts" for Nottinghamshire): same first three letters, the rest in order.
import { foldName, type CouncilKeys, type CouncilLookup } from '../domain/council-lookup.js';

const fits = (short: string, word: string) => {
  if (short.length < 3 || !word.startsWith(short.slice(0, 3))) return false;
  let i = 3;
  for (const ch of word.slice(3)) if (ch === short[i]) i++;
  return i === short.length;
};

export function nearMisses(lookup: CouncilLookup<CouncilKeys>, councils: readonly CouncilKeys[], typed: string, max = 3): Array<{ code: string; name: string }> {
  const suggested = lookup.suggest(typed, max);
  if (suggested.length) return suggested.map((c) => ({ code: c.code, name: c.name }));
  const short = foldName(typed).replace(/ /g, '');
  return councils
    .filter((c) => foldName(c.name).split(' ').some((w) => fits(short, w)) || fits(short, foldName(c.name).replace(/ /g, '')))
    .slice(0, max)
    .map((c) => ({ code: c.code, name: c.name }));
}
