/**
 * iCalendar (RFC 5545) feeds, written by hand: a small serializer that escapes TEXT values
 * (\ ; , and line breaks), ends lines with CRLF and folds them at 75 octets of UTF-8 without
 * splitting a character (Chinese text is three octets a character, so folding by characters,
 * as general libraries do, makes lines too long). Each event is serialised once per build and
 * reused by every feed it belongs to.
 *
 * Times are written in UTC (Asia/Shanghai has no daylight saving, so every client shows the
 * right local time without a VTIMEZONE). UIDs come from event ids, so subscribed calendars
 * update instead of duplicating. A fair over several days with the same daily hours is one
 * event repeating daily (RRULE), so calendars show 09:00—17:00 on each day, not one block
 * running through the nights. Pure.
 */
import { displayTitle, eventSchedule, eventStateLabel, formatEventTime, type EventItem } from './events/events.ts';
import { eventPath } from './paths.ts';

const STATUS: Record<EventItem['status'], 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'> = {
  planned: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
  held: 'CONFIRMED',
};

/** The longest a content line may be, in octets, not counting its CRLF (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

/** PRODID of every feed. */
export const PRODUCT_ID = '-//jiangsu-car-wujin//events//ZH';

/** How often subscribers are asked to check for changes (RFC 7986 REFRESH-INTERVAL). */
export const REFRESH_INTERVAL = 'PT6H';

export interface IcsOptions {
  /** Absolute site URL, for each event's link. */
  siteUrl: string;
  /**
   * When an event's own entry last changed (its file's last commit). DTSTAMP is that, or the
   * event's end once it has ended (its summary then says 已结束): never the build's time, so a
   * daily rebuild leaves every unchanged event's file byte-identical.
   */
  changedOf: (e: EventItem) => Date;
  /** The moment feeds treat as now (upcoming or 已结束): the build's reference time. */
  now: Date;
  /** The place before the venue in LOCATION, e.g. "南京市玄武区". */
  placeOf: (e: EventItem) => string;
}

/** A stable, globally unique UID for an event. */
export function eventUid(e: Pick<EventItem, 'id'>): string {
  return `${e.id}@wujin.jiangsu.event`;
}

/** RFC 5545 TEXT: backslash, semicolon and comma escaped; line breaks as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/gu, '\\\\')
    .replace(/;/gu, '\\;')
    .replace(/,/gu, '\\,')
    .replace(/\r\n|\r|\n/gu, '\\n');
}

const octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * One content line folded so that no physical line exceeds 75 octets: a continuation starts
 * with a single space (which counts), and a break never falls inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (used + n > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      used = 1;
    }
    current += ch;
    used += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** "20260103T010000Z" from an ISO string with offset. */
export function utcStamp(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return d
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d{3}/u, '');
}

/** What a feed shows as the title: 示例 first, then 已取消/延期, and （已结束） for past events. */
export function feedSummary(e: EventItem, now: Date): string {
  const state = eventStateLabel(e, now);
  const title = displayTitle(e);
  const body = e.demo ? title.replace(/^【示例】/u, '') : title;
  const prefix = `${e.demo ? '【示例】' : ''}${state === '已取消' || state === '延期' ? `【${state}】` : ''}`;
  return `${prefix}${body}${state === '已结束' ? '（已结束）' : ''}`;
}

/** When an event's entry last changed: its file, or its end once it has ended, whichever is later. */
export function entryStamp(e: Pick<EventItem, 'end'>, state: string | undefined, options: Pick<IcsOptions, 'changedOf'>): Date {
  const changed = options.changedOf(e as EventItem);
  const end = new Date(e.end);
  return state === '已结束' && end > changed ? end : changed;
}

/** One VEVENT, folded, every line ending in CRLF. */
export function eventToVevent(e: EventItem, options: IcsOptions): string {
  const url = new URL(eventPath(e.id), options.siteUrl).href;
  const state = eventStateLabel(e, options.now);
  const description = [
    e.demo ? '【示例】本活动为演示数据，并非真实活动。' : '',
    state === '已结束'
      ? '本活动已结束。'
      : state === '已取消'
        ? '本活动已取消，请勿前往。'
        : state === '延期'
          ? '本活动延期，新的时间以主办单位通知为准。'
          : '',
    `时间：${formatEventTime(e)}`,
    `地点：${e.venue.name}（${e.venue.address}）`,
    `主办：${e.organisers.join('、')}`,
    e.phone ? `咨询电话：${e.phone}` : '',
    `详情：${url}`,
  ]
    .filter(Boolean)
    .join('\n');
  const s = eventSchedule(e);
  const firstEnd = s.daily ? `${s.firstDay}T${s.endTime}${e.end.slice(16)}` : e.end;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${eventUid(e)}`,
    `DTSTAMP:${utcStamp(entryStamp(e, state, options))}`,
    `DTSTART:${utcStamp(e.start)}`,
    `DTEND:${utcStamp(firstEnd)}`,
    ...(s.daily ? [`RRULE:FREQ=DAILY;COUNT=${s.days}`] : []),
    `SUMMARY:${escapeText(feedSummary(e, options.now))}`,
    `DESCRIPTION:${escapeText(description)}`,
    `LOCATION:${escapeText(`${options.placeOf(e)}${e.venue.name}`)}`,
    `GEO:${e.lat};${e.lng}`,
    `URL:${url}`,
    `STATUS:${STATUS[e.status]}`,
    'END:VEVENT',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A whole calendar around already serialised VEVENTs. An empty list is a valid empty calendar. */
export function wrapCalendar(name: string, vevents: readonly string[]): string {
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`,
    `X-PUBLISHED-TTL:${REFRESH_INTERVAL}`,
  ]
    .map(foldLine)
    .join('\r\n');
  return `${head}\r\n${vevents.join('')}END:VCALENDAR\r\n`;
}

/** The whole feed as text (CRLF line ends, folded lines, UTF-8). */
export function eventsToIcs(events: readonly EventItem[], name: string, options: IcsOptions): string {
  return wrapCalendar(
    name,
    events.map((e) => eventToVevent(e, options)),
  );
}
