// Directory field labels read by what they hold, for the Jadu and LocalGov Drupal adapters.
import { describe, expect, it } from 'vitest';
import { fieldKind } from './directory-fields.js';

describe('fieldKind', () => {
  it('classifies directory field labels', () => {
    expect(['Age range', 'Cost:', 'Contact name', 'Telephone', 'Email address', 'Website', 'Address', 'Postcode', 'Opening times', 'Description', 'Eligibility', 'Category', 'Fax'].map(fieldKind)).toEqual([
      'ages', 'cost', 'contactName', 'phone', 'email', 'website', 'address', 'postcode', 'schedule', 'description', 'eligibility', 'terms', undefined,
    ]);
  });
});
