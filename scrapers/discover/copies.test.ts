// Tests for telling copies: an exact copy, a copy with adverts around it, and a different page on the same subject.
import { describe, expect, it } from 'vitest';
import { COPY_THRESHOLD, shinglesOf, similarity } from './copies.js';

const ORIGINAL =
  'Short breaks give disabled children and young people in Exampleshire time with friends, and give their families a rest from caring. ' +
  'You can ask for a short breaks assessment through the Children with Disabilities Team. Activities include Saturday clubs, holiday schemes and overnight stays. ' +
  'Families may take a direct payment and arrange support themselves, or ask the council to arrange it.';

describe('copies', () => {
  it('an exact copy is the same page', () => {
    expect(similarity(shinglesOf(ORIGINAL), shinglesOf(ORIGINAL))).toBe(1);
  });

  it('a copy with adverts around it is still a copy', () => {
    const mirror = `Cheap holidays! Best deals on flights. ${ORIGINAL} Click here for casino bonuses and more offers today.`;
    expect(similarity(shinglesOf(ORIGINAL), shinglesOf(mirror))).toBeGreaterThan(COPY_THRESHOLD);
  });

  it('another page on the same subject is not', () => {
    const other =
      'Short breaks in Otherborough are arranged by the Family Support Service. Children aged 5 to 17 with a disability can join youth clubs, ' +
      'sports sessions and weekend trips. Parents should call the service to ask about places and charges for each activity.';
    expect(similarity(shinglesOf(ORIGINAL), shinglesOf(other))).toBeLessThan(0.1);
  });
});
