/**
 * What an event card says, worked out in one place for the built page (EventCard.astro) and for
 * the browser (src/client/event-card.ts, which fills a copy of EventCard.astro's own markup): the
 * same title, time, place, tags, state and distance in the same words. Pure.
 */
import { EVENT_LEVEL_LABELS, EVENT_TYPE_LABELS } from '../event-labels.ts';
import { formatKm } from '../geo.ts';
import { eventPath } from '../paths.ts';
import { eventStateLabel, formatEventTime, monthOf, type EventItem } from './events.ts';

/** The class that colours a state tag. */
export const EVENT_STATE_CLASS: Readonly<Record<string, string>> = { 已取消: 'is-cancelled', 延期: 'is-postponed', 已结束: 'is-ended', 计划中: 'is-planned' };

export interface EventCardView {
  href: string;
  demo: boolean;
  title: string;
  start: string;
  time: string;
  /** 南京市 江宁区 · 某某广场 */
  where: string;
  tags: [type: string, level: string];
  state?: { text: string; class: string } | undefined;
  /** 在昆山市, or 距您约 3 公里. */
  distance?: string | undefined;
  /** A line above the title, e.g. 离您最近的即将举办活动. */
  flag?: string | undefined;
  /** The card's data-* attributes, which the page's filters and scripts read. */
  data: Record<'event' | 'end' | 'city' | 'county' | 'month' | 'type' | 'level' | 'km', string | undefined>;
}

export type CardEvent = Pick<EventItem, 'id' | 'title' | 'demo' | 'start' | 'end' | 'status' | 'type' | 'level' | 'city' | 'county'>;

export interface CardOptions {
  /** Region names by id. */
  name: (id: string) => string;
  venue: string;
  now: Date;
  /** Straight-line distance and from where: 距{from}约 {km}. */
  km?: number | undefined;
  from?: string | undefined;
  /** The county the page is about, when the event is in it: 在{here}. */
  here?: string | undefined;
  flag?: string | undefined;
}

export function eventCardView(e: CardEvent, o: CardOptions): EventCardView {
  const state = eventStateLabel(e, o.now);
  const place = [o.name(e.city), e.county ? o.name(e.county) : ''].filter(Boolean).join(' ');
  return {
    href: eventPath(e.id),
    demo: e.demo,
    title: e.title,
    start: e.start,
    time: formatEventTime(e),
    where: `${place} · ${o.venue}`,
    tags: [EVENT_TYPE_LABELS[e.type], EVENT_LEVEL_LABELS[e.level]],
    state: state ? { text: state, class: EVENT_STATE_CLASS[state] ?? '' } : undefined,
    distance: o.here ? `在${o.here}` : o.km !== undefined ? `距${o.from ?? '县（市、区）政府驻地'}约 ${formatKm(o.km)}` : undefined,
    flag: o.flag,
    data: { event: e.id, end: e.end, city: e.city, county: e.county, month: monthOf(e), type: e.type, level: e.level, km: o.km?.toFixed(2) },
  };
}
