import { describe, expect, it } from 'vitest';
import { termOfUri, termUri } from './taxonomy-uri.js';

describe('term URIs of our own taxonomy', () => {
  it('reads back the facet and code of a term it wrote', () => {
    expect(termOfUri(termUri('types', 'weekend_club'))).toEqual({ facet: 'types', code: 'weekend_club' });
    expect(termOfUri('urn:short-breaks-benchmark:taxonomy:gates:ehc_plan')).toEqual({ facet: 'gates', code: 'ehc_plan' });
  });

  it('knows nothing of codes the taxonomy lacks, other facets or other vocabularies', () => {
    for (const uri of ['urn:short-breaks-benchmark:taxonomy:types:knitting', 'urn:short-breaks-benchmark:taxonomy:fact_topics:complaints', 'http://id.esd.org.uk/service/833', undefined])
      expect(termOfUri(uri), String(uri)).toBeUndefined();
  });
});
