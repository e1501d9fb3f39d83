// Every council's name, in every form reports and pages write it, matches that council through the one council
// lookup; names that fit no council (or two) match none.
import { describe, expect, it } from 'vitest';
import { createAreaMatcher, normaliseAreaName } from '../../scrapers/ofsted/area-match.js';
import type { Council } from '../../src/domain/council.js';
import { loadReferenceBundle } from '../../src/node/data-files.js';

const councils = loadReferenceBundle().councils;
const match = createAreaMatcher(councils);

/** "Bristol, City of" as people write it: "Bristol", "City of Bristol". */
function plainNames(c: Council): string[] {
  const out = [c.name, ...c.also_known_as];
  const suffix = /^(.+),\s*(City|County) of$/.exec(c.name);
  if (suffix) out.push(suffix[1]!, `${suffix[2]} of ${suffix[1]}`);
  const county = /^County (.+)$/.exec(c.name);
  if (county) out.push(county[1]!);
  return out;
}

/** The words councils and reports put around a name, by kind of council. */
function wrappings(c: Council, n: string): string[] {
  const out = [
    n, `${n} Local Area Partnership`, `the ${n} Local Area Partnership`, `${n} local area`, `${n} Council`, `${n} SEND Partnership`,
    n.toUpperCase(), n.toLowerCase(), n.replace(/ and /g, ' & '), n.replace(/-/g, ' '), n.replace(/\bSt\. /, 'St '),
  ];
  if (c.type === 'county') out.push(`${n} County Council`);
  if (c.type === 'london_borough' && c.code !== 'E09000001') out.push(`London Borough of ${n}`, `the London Borough of ${n} Local Area Partnership`, `${n} London Borough Council`);
  if (c.type === 'metropolitan_district') out.push(`${n} Metropolitan Borough Council`, `${n} Metropolitan District Council`, `Metropolitan Borough of ${n}`);
  if (c.type === 'unitary') out.push(`${n} Borough Council`, `${n} Borough`, `Borough of ${n}`);
  return out;
}

/** Forms seen in reports and on councils' pages that no rule above makes. */
const SEEN: Array<[string, string]> = [
  ['Durham', 'E06000047'], ['Durham County Council', 'E06000047'], ['County Durham Local Area Partnership', 'E06000047'],
  ['Bristol', 'E06000023'], ['Bristol City Council', 'E06000023'], ['Bristol, City of', 'E06000023'],
  ['Herefordshire', 'E06000019'], ['Herefordshire County Council', 'E06000019'], ['Herefordshire Council', 'E06000019'],
  ['the Greenwich', 'E09000011'], ['Royal Borough of Greenwich', 'E09000011'], ['the Royal Borough of Greenwich Local Area Partnership', 'E09000011'],
  ['Telford & Wrekin', 'E06000020'], ['Telford and Wrekin Council', 'E06000020'],
  ['Bedford Borough', 'E06000055'], ['Bedford Borough Council', 'E06000055'], ['Bedford Borough Local Area Partnership', 'E06000055'],
  ['Kingston upon Hull', 'E06000010'], ['Hull', 'E06000010'], ['Hull City Council', 'E06000010'], ['Kingston upon Hull City Council', 'E06000010'],
  ['Southend', 'E06000033'], ['Southend-on-Sea City Council', 'E06000033'], ['Southend on Sea', 'E06000033'],
  ['St Helens', 'E08000013'], ['St. Helens', 'E08000013'], ['Saint Helens', 'E08000013'], ['St Helens Borough Council', 'E08000013'],
  ['Isle of Wight', 'E06000046'], ['Isle of Wight Council', 'E06000046'], ['the Isle of Wight Local Area Partnership', 'E06000046'],
  ['Council of the Isles of Scilly', 'E06000053'], ['Isles of Scilly', 'E06000053'],
  ['Royal Borough of Kensington and Chelsea', 'E09000020'], ['Royal Borough of Windsor and Maidenhead', 'E06000040'], ['Royal Borough of Kingston upon Thames', 'E09000021'],
  ['Newcastle', 'E08000021'], ['Newcastle City Council', 'E08000021'], ['Stoke', 'E06000021'], ['Stoke-on- Trent', 'E06000021'], ['Stockton', 'E06000004'],
  ['Richmond', 'E09000027'], ['BCP', 'E06000058'], ['Bournemouth, Christchurch & Poole Council', 'E06000058'],
  ['Brighton & Hove City Council', 'E06000043'], ['City of Wolverhampton Council', 'E08000031'], ['Leicester City', 'E06000016'], ['Leicester City Council', 'E06000016'],
  ['Nottingham City Council', 'E06000018'], ['City of York Council', 'E06000014'], ['City of Bradford Metropolitan District Council', 'E08000032'],
  ['East Riding', 'E06000011'], ['BANES', 'E06000022'], ['Bath & North East Somerset', 'E06000022'], ['Westmorland & Furness', 'E06000064'],
  ['Cheshire West & Chester', 'E06000050'], ['Redcar & Cleveland', 'E06000003'], ['Hammersmith & Fulham', 'E09000013'], ['Barking & Dagenham', 'E09000002'],
  ['City of London', 'E09000001'], ['City of London Corporation', 'E09000001'],
  ['North Northamptonshire Local Area Partnership', 'E06000061'], ['Blackburn with Darwen Borough Council', 'E06000008'],
];

describe('area names: every council under the names reports use', () => {
  it('knows all 153 councils', () => {
    expect(councils).toHaveLength(153);
  });

  it.each(councils.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const variants = [...new Set(plainNames(c).flatMap((n) => wrappings(c, n)))];
    const wrong = variants.filter((v) => match(v) !== c.code).map((v) => `${v} -> ${match(v) ?? 'none'}`);
    expect(wrong).toEqual([]);
  });

  it.each(SEEN)('"%s" is %s', (area, code) => {
    expect(match(area)).toBe(code);
  });

  it('matches no council for a name that fits none, or two', () => {
    for (const area of ['Atlantis', 'Cumbria', 'Northamptonshire', 'Kingston', 'London', 'Local Area Partnership', '', 'the']) expect(match(area), area).toBeUndefined();
  });

  it('folds an area name as the lookup does, without the words reports add', () => {
    expect(normaliseAreaName('the Greenwich Local Area Partnership')).toBe('greenwich');
    expect(normaliseAreaName('Telford & Wrekin local area')).toBe('telford and wrekin');
    expect(normaliseAreaName('St. Helens SEND Partnership')).toBe('st helens');
  });
});
