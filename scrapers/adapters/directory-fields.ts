// What a directory field's label means (Age range, Cost, Telephone, Opening times...), for the Jadu and LocalGov Drupal adapters.
import { oneLine } from '../../src/text/numbers.js';

/** What a directory field label means, or undefined when the adapter has no use for it. */
export type FieldKind = 'ages' | 'cost' | 'phone' | 'email' | 'website' | 'address' | 'postcode' | 'schedule' | 'description' | 'eligibility' | 'provider' | 'contactName' | 'terms';

const LABELS: Array<[RegExp, FieldKind]> = [
  [/^age/, 'ages'],
  [/cost|charge|price|fee/, 'cost'],
  [/^contact ?name|^contact person|^name of contact/, 'contactName'],
  [/phone|^tel|mobile/, 'phone'],
  [/e-?mail/, 'email'],
  [/website|web address|^url$|^web$/, 'website'],
  [/post ?code/, 'postcode'],
  [/address|^location|^venue/, 'address'],
  [/opening|times|^when|sessions|days/, 'schedule'],
  [/eligib|who (?:is it|it is|can)|criteria/, 'eligibility'],
  [/^description|^about|^summary|^details|^more information|^what/, 'description'],
  [/provider|organisation|organization|run by/, 'provider'],
  [/categor|type of (?:service|support|provision)|^service type|^tags?$/, 'terms'],
];

/** Classifies a field label ("Age range:", "Telephone", "Opening times") by what it holds. */
export function fieldKind(label: string): FieldKind | undefined {
  const l = oneLine(label).toLowerCase().replace(/[:\s]+$/, '');
  return LABELS.find(([re]) => re.test(l))?.[1];
}
