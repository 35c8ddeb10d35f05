/**
 * iCalendar (RFC 5545) feeds with the `ics` library. Times are written in UTC (Asia/Shanghai
 * has no daylight saving, so every client shows the right local time without a VTIMEZONE);
 * UIDs come from event ids, so subscribed calendars update instead of duplicating.
 */
import { createEvents, type EventAttributes } from 'ics';
import { displayTitle, type EventItem } from './events.ts';

const STATUS: Record<EventItem['status'], 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'> = {
  planned: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
  held: 'CONFIRMED',
};

/** UTC date-time parts of an ISO string with offset. */
function utcParts(iso: string): [number, number, number, number, number] {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

export interface IcsOptions {
  /** Calendar name shown by clients (X-WR-CALNAME). */
  name: string;
  /** Absolute site URL, for each event's link. */
  siteUrl: string;
  /** DTSTAMP for every event: the content's last update, so rebuilds are byte-identical. */
  stamp: Date;
  /** City names by id, for the location line. */
  placeOf: (e: EventItem) => string;
}

/** A stable, globally unique UID for an event. */
export function eventUid(e: Pick<EventItem, 'id'>): string {
  return `${e.id}@wujin.jiangsu.event`;
}

/** The whole feed as text (CRLF line ends, folded lines, UTF-8). An empty list is a valid empty calendar. */
export function eventsToIcs(events: readonly EventItem[], options: IcsOptions): string {
  const attributes = events.map((e): EventAttributes => {
    const url = new URL(`/events/${e.id}/`, options.siteUrl).href;
    const lines = [
      e.demo ? '【示例】本活动为演示数据，并非真实活动。' : '',
      e.status === 'postponed' ? '【延期】具体时间以主办单位通知为准。' : '',
      `地点：${e.venue.name}（${e.venue.address}）`,
      `主办：${e.organisers.join('、')}`,
      e.phone ? `咨询电话：${e.phone}` : '',
      `详情：${url}`,
    ].filter(Boolean);
    return {
      uid: eventUid(e),
      title: displayTitle(e),
      start: utcParts(e.start),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: utcParts(e.end),
      endInputType: 'utc',
      endOutputType: 'utc',
      description: lines.join('\n'),
      location: `${options.placeOf(e)}${e.venue.name}`,
      geo: { lat: e.lat, lon: e.lng },
      url,
      status: STATUS[e.status],
      productId: 'jiangsu-car-wujin/ics',
      calName: options.name,
      // `ics` stamps Date.now() unless told otherwise; a fixed stamp keeps builds deterministic.
      ...({ timestamp: options.stamp.getTime() } as object),
    };
  });
  if (attributes.length === 0) {
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:jiangsu-car-wujin/ics', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${options.name}`, 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(attributes, { productId: 'jiangsu-car-wujin/ics', method: 'PUBLISH', calName: options.name });
  if (error || !value) throw error ?? new Error('日历生成失败');
  return value;
}
