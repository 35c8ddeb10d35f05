/**
 * The days the test suite lives on, each defined once. `npm test` builds the site on `build`
 * (SITE_NOW) and every browser test's clock starts there; the time-travel tests build and visit
 * the site on the others, and visit one day's build on a later day. Nothing in the suite reads
 * the machine's real clock.
 *
 * The 2026 programmes end on 31 December 2026, so these cover a day before their last 30 days,
 * a day inside them, the evening of the last day, a few days after the end and weeks after it.
 */
export const TEST_DAYS = {
  /** The build day of `npm test`: 34 days before the end of the 2026 programmes. */
  build: '2026-11-27T10:00:00+08:00',
  /** Inside the last 30 days. */
  lastMonth: '2026-12-05T10:00:00+08:00',
  /** The evening of the last day: still 31 December in Shanghai (12:30 UTC). */
  lastEvening: '2026-12-31T20:30:00+08:00',
  /** Days after the end: purchases have closed, applications may still be open. */
  afterEnd: '2027-01-05T10:00:00+08:00',
  /** Weeks after the end. */
  weeksAfter: '2027-02-15T10:00:00+08:00',
} as const;

export type TestDayName = keyof typeof TEST_DAYS;

/** The day of `npm test`'s build, as the Date the browser clock starts at. */
export const BUILD_NOW = new Date(TEST_DAYS.build);
