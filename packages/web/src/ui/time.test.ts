import { describe, expect, it } from 'vitest';
import { ageOn, formatCountdown, utcToZonedWallTime, zonedWallTimeToUtc } from './time';

const CHICAGO = 'America/Chicago';

describe('zonedWallTimeToUtc', () => {
  it('reads a winter time in Chicago as UTC-6', () => {
    expect(zonedWallTimeToUtc('2026-01-15T09:00', CHICAGO)).toBe('2026-01-15T15:00:00.000Z');
  });

  it('reads a summer time in Chicago as UTC-5', () => {
    expect(zonedWallTimeToUtc('2026-07-01T12:00', CHICAGO)).toBe('2026-07-01T17:00:00.000Z');
  });

  it('gets both sides of the spring-forward change right (8 March 2026)', () => {
    expect(zonedWallTimeToUtc('2026-03-08T01:30', CHICAGO)).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedWallTimeToUtc('2026-03-08T03:30', CHICAGO)).toBe('2026-03-08T08:30:00.000Z');
  });

  it('gets both sides of the fall-back change right (1 November 2026)', () => {
    expect(zonedWallTimeToUtc('2026-11-01T00:30', CHICAGO)).toBe('2026-11-01T05:30:00.000Z');
    expect(zonedWallTimeToUtc('2026-11-01T03:00', CHICAGO)).toBe('2026-11-01T09:00:00.000Z');
  });

  it('round-trips through utcToZonedWallTime', () => {
    const wall = '2026-05-20T16:45';
    expect(utcToZonedWallTime(zonedWallTimeToUtc(wall, 'Europe/Berlin'), 'Europe/Berlin')).toBe(wall);
  });
});

describe('ageOn', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageOn('1986-04-12', new Date('2026-04-11T12:00:00Z'))).toBe(39);
    expect(ageOn('1986-04-12', new Date('2026-04-12T12:00:00Z'))).toBe(40);
  });
});

describe('formatCountdown', () => {
  it('shows minutes and zero-padded seconds, never below zero', () => {
    expect(formatCountdown(102)).toBe('1:42');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});
