import { describe, expect, it } from 'vitest';
import { inFeedWindow, recentAndUpcoming } from '../../src/lib/events/window.ts';

const ev = (start: string, end = start) => ({ start: `${start}T09:00:00+08:00`, end: `${end}T17:00:00+08:00` });
const now = new Date('2026-12-05T10:00:00+08:00');

describe('the window around a day', () => {
  it('a feed keeps events that ended in the last 30 days and starts up to 12 months ahead', () => {
    expect(inFeedWindow(ev('2026-11-06'), now)).toBe(true);
    expect(inFeedWindow(ev('2026-11-04'), now)).toBe(false);
    expect(inFeedWindow(ev('2026-10-01', '2026-11-20'), now)).toBe(true);
    expect(inFeedWindow(ev('2027-12-04'), now)).toBe(true);
    expect(inFeedWindow(ev('2027-12-06'), now)).toBe(false);
  });

  it('a short list shows recent and coming events, earliest first, and says how many did not fit', () => {
    const events = ['2026-10-01', '2026-11-10', '2026-12-01', '2026-12-10', '2027-01-05'].map((d) => ev(d));
    expect(recentAndUpcoming(events, now, 10)).toEqual({ shown: events.slice(1), more: 0 });
    expect(recentAndUpcoming(events, now, 2)).toEqual({ shown: events.slice(1, 3), more: 2 });
    // A month later the same build would show less: the list depends on the day it is built.
    expect(recentAndUpcoming(events, new Date('2027-02-10T00:00:00+08:00'), 10).shown).toEqual([]);
  });
});
