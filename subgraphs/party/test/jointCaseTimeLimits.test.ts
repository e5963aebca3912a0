import { CATEGORIES, dueAt, limitClass, parseLimitHours, parseWhistleMinutes, reportBy } from '../src/jointCase/timeLimits';

const t0 = new Date('2026-11-23T08:00:00+08:00');
const hoursAfter = (d: Date) => (d.getTime() - t0.getTime()) / 3_600_000;

test('defaults: emergency 2 h, utilities 24 h, general 7 days, complex 15 days', () => {
  expect(hoursAfter(dueAt('OTHER', 'EMERGENCY', t0, {}))).toBe(2);
  expect(hoursAfter(dueAt('WATER', 'EMERGENCY', t0, {}))).toBe(2);
  for (const c of ['WATER', 'POWER', 'GAS', 'HEATING'] as const) expect(hoursAfter(dueAt(c, 'NORMAL', t0, {}))).toBe(24);
  expect(hoursAfter(dueAt('DISPUTE', 'NORMAL', t0, {}))).toBe(168);
  expect(hoursAfter(dueAt('HEATING', 'COMPLEX', t0, {}))).toBe(360);
});

test('every category falls in exactly one class per urgency', () => {
  for (const c of CATEGORIES) {
    expect(limitClass(c, 'EMERGENCY')).toBe('EMERGENCY');
    expect(limitClass(c, 'COMPLEX')).toBe('COMPLEX');
    expect(['UTILITIES', 'GENERAL']).toContain(limitClass(c, 'NORMAL'));
  }
});

test('limits are configurable by environment, and bad configuration is refused', () => {
  const env = { CG_CASE_LIMIT_HOURS: 'EMERGENCY=1, GENERAL=72' };
  expect(hoursAfter(dueAt('OTHER', 'EMERGENCY', t0, env))).toBe(1);
  expect(hoursAfter(dueAt('OTHER', 'NORMAL', t0, env))).toBe(72);
  expect(hoursAfter(dueAt('GAS', 'NORMAL', t0, env))).toBe(24);
  expect(() => parseLimitHours('URGENT=3')).toThrow(/URGENT=3/);
  expect(() => parseLimitHours('GENERAL=0')).toThrow();
  expect(() => parseLimitHours('GENERAL=abc')).toThrow();
});

test('whistle reports are due in 30 minutes by default, configurable, or per whistle', () => {
  expect(reportBy(t0, null, {}).getTime() - t0.getTime()).toBe(30 * 60_000);
  expect(reportBy(t0, null, { CG_WHISTLE_REPORT_MINUTES: '45' }).getTime() - t0.getTime()).toBe(45 * 60_000);
  expect(reportBy(t0, 10, { CG_WHISTLE_REPORT_MINUTES: '45' }).getTime() - t0.getTime()).toBe(10 * 60_000);
  expect(() => parseWhistleMinutes('-5')).toThrow();
});
