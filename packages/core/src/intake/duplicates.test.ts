import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateScore, findLikelyDuplicates, type PersonIdentity } from './duplicates.js';
import { defaultEligibilityPolicy, eligibilityPolicy } from './policy.js';

const POLICY = defaultEligibilityPolicy();

const maria: PersonIdentity = {
  givenName: 'María José',
  familyName: 'Núñez',
  dateOfBirth: '1988-04-09',
  email: 'mj.nunez@gmail.com',
  phone: '(612) 555-0142',
};

describe('duplicateScore', () => {
  it('is certain for the same person typed differently', () => {
    const retyped = { givenName: 'maria jose', familyName: 'NUNEZ', dateOfBirth: '1988-04-09', email: 'MJNunez@gmail.com', phone: '+1 612 555 0142' };
    expect(duplicateScore(maria, retyped, POLICY)).toMatchObject({ score: 1, likelyDuplicate: true });
  });

  it('flags the same name and birth date with new contact details', () => {
    const moved = { givenName: 'Maria Jose', familyName: 'Nunez', dateOfBirth: '1988-04-09', email: 'maria@work.example', phone: '651 555 0199' };
    expect(duplicateScore(maria, moved, POLICY)).toMatchObject({ score: 0.75, likelyDuplicate: true });
  });

  it('flags a nickname with the same family name and birth date, exactly at the threshold', () => {
    const william = { givenName: 'William', familyName: 'Okafor', dateOfBirth: '1975-12-01' };
    const bill = { givenName: 'Bill', familyName: 'Okafor', dateOfBirth: '1975-12-01' };
    expect(duplicateScore(william, bill, POLICY)).toMatchObject({ score: 0.7, likelyDuplicate: true });
  });

  it('flags a married-name change when the e-mail matches', () => {
    const before = { givenName: 'Dana', familyName: 'Lee', dateOfBirth: '1990-01-02', email: 'dana@example.org' };
    const after = { givenName: 'Dana', familyName: 'Park', dateOfBirth: '1990-01-02', email: 'dana@example.org' };
    expect(duplicateScore(before, after, POLICY).likelyDuplicate).toBe(true);
  });

  it('does not flag a couple who share a surname, an e-mail and a phone', () => {
    const partner = { givenName: 'Tomás', familyName: 'Núñez', dateOfBirth: '1986-07-30', email: 'mj.nunez@gmail.com', phone: '612-555-0142' };
    expect(duplicateScore(maria, partner, POLICY).likelyDuplicate).toBe(false);
  });

  it('does not flag twins in one household', () => {
    const twin = { givenName: 'Lucía', familyName: 'Núñez', dateOfBirth: '1988-04-09', email: 'mj.nunez@gmail.com', phone: '6125550142' };
    expect(duplicateScore(maria, twin, POLICY)).toMatchObject({ likelyDuplicate: false });
  });

  it('does not flag two people who share only a common name', () => {
    expect(duplicateScore({ givenName: 'John', familyName: 'Smith' }, { givenName: 'John', familyName: 'Smith' }, POLICY)).toMatchObject({
      score: 0.4,
      likelyDuplicate: false,
    });
  });

  it('matches a preferred name against a legal name', () => {
    const legal = { givenName: 'Robert', preferredName: 'Kai', familyName: 'Ito', dateOfBirth: '2000-02-29' };
    const inquiry = { givenName: 'Kai', familyName: 'Ito', dateOfBirth: '2000-02-29' };
    expect(duplicateScore(legal, inquiry, POLICY).likelyDuplicate).toBe(true);
  });

  it('follows the clinic’s threshold', () => {
    const strict = eligibilityPolicy.parse({ duplicates: { likelyDuplicateScore: 0.9 } });
    const moved = { givenName: 'Maria Jose', familyName: 'Nunez', dateOfBirth: '1988-04-09' };
    expect(duplicateScore(maria, moved, strict).likelyDuplicate).toBe(false);
  });

  const person = fc.record({
    givenName: fc.constantFrom('Bill', 'William', 'Ana', 'Anna', 'J', 'José', ''),
    familyName: fc.constantFrom('Smith', 'Smith-Jones', 'Núñez', 'Nunez', ''),
    preferredName: fc.option(fc.constantFrom('Will', 'Jo'), { nil: null }),
    dateOfBirth: fc.option(fc.constantFrom('1980-01-01', '1980-01-02'), { nil: null }),
    email: fc.option(fc.constantFrom('a@example.org', 'A@example.org', 'b@example.org'), { nil: null }),
    phone: fc.option(fc.constantFrom('612-555-0100', '6125550100', '612-555-0101'), { nil: null }),
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const ab = duplicateScore(a, b, POLICY).score;
        expect(duplicateScore(b, a, POLICY).score).toBe(ab);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('always flags a record compared with itself when it has a name and a birth date', () => {
    fc.assert(
      fc.property(person, (a) => {
        fc.pre(a.givenName !== '' && a.familyName !== '' && a.dateOfBirth !== null);
        expect(duplicateScore(a, a, POLICY).likelyDuplicate).toBe(true);
      }),
    );
  });
});

describe('findLikelyDuplicates', () => {
  it('returns only likely duplicates, best first', () => {
    const records = [
      { id: 'a', givenName: 'Maria', familyName: 'Nunez', dateOfBirth: '1988-04-09' },
      { id: 'b', givenName: 'Maria José', familyName: 'Núñez', dateOfBirth: '1988-04-09', phone: '6125550142' },
      { id: 'c', givenName: 'Tomás', familyName: 'Núñez', dateOfBirth: '1986-07-30' },
    ];
    expect(findLikelyDuplicates(maria, records, POLICY).map(({ record }) => record.id)).toEqual(['b', 'a']);
  });
});
