// Matches the local area a report names ("Telford & Wrekin", "the Greenwich", "Bedford Borough") to a council code.

export interface CouncilName {
  code: string;
  names: string[];
}

/** Lower-case words only, without the words councils add around their names. */
export function normaliseAreaName(name: string): string {
  return ` ${name.toLowerCase()} `
    .replace(/&/g, ' and ')
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/ (local area partnership|local area|partnership|the|royal borough of|london borough of|borough|city of|county of|council|metropolitan) /g, ' ')
    .replace(/ (local area partnership|local area|partnership|the|royal borough of|london borough of|borough|city of|county of|council|metropolitan) /g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function createAreaMatcher(councils: readonly CouncilName[]) {
  const index = new Map<string, string>();
  for (const c of councils) for (const n of c.names) if (n) index.set(normaliseAreaName(n), c.code);
  return (area: string): string | undefined => index.get(normaliseAreaName(area));
}
