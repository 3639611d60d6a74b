import { describe, expect, it } from 'vitest';
import { isSafeNext, signInPath } from './paths';

describe('signInPath', () => {
  it('carries the reason and the page to come back to', () => {
    expect(signInPath({ reason: 'idle', next: '/audit?x=1' })).toBe('/sign-in?reason=idle&next=%2Faudit%3Fx%3D1');
  });

  it('never sends people off-site after signing in', () => {
    expect(isSafeNext('//evil.example/')).toBe(false);
    expect(isSafeNext('https://evil.example/')).toBe(false);
    expect(signInPath({ next: '//evil.example/' })).toBe('/sign-in');
  });
});
