/**
 * The compact event index browsers load lazily for instant filters, "near me" and the map:
 * one array per event instead of objects, so 5,000 events stay small. Pure.
 */
import type { EventItem } from './events.ts';

export const INDEX_FIELDS = ['id', 'title', 'demo', 'type', 'level', 'city', 'county', 'venue', 'lat', 'lng', 'start', 'end', 'status'] as const;
export type IndexRow = [string, string, 0 | 1, string, string, string, string, string, number, number, string, string, string];

export interface EventIndex {
  fields: typeof INDEX_FIELDS;
  /** Region names by id, so the browser can print places without another request. */
  regions: Record<string, string>;
  events: IndexRow[];
}

/** The event fields a browser needs. */
export type IndexedEvent = Pick<EventItem, 'id' | 'title' | 'demo' | 'type' | 'level' | 'city' | 'county' | 'lat' | 'lng' | 'start' | 'end' | 'status'> & { venue: string };

export function toIndex(events: readonly EventItem[], regions: Record<string, string>): EventIndex {
  return {
    fields: INDEX_FIELDS,
    regions,
    events: events.map((e) => [e.id, e.title, e.demo ? 1 : 0, e.type, e.level, e.city, e.county ?? '', e.venue.name, e.lat, e.lng, e.start, e.end, e.status]),
  };
}

export function fromIndex(index: EventIndex): IndexedEvent[] {
  return index.events.map(([id, title, demo, type, level, city, county, venue, lat, lng, start, end, status]) => ({
    id, title, demo: demo === 1, type: type as IndexedEvent['type'], level: level as IndexedEvent['level'], city, county: county || undefined, venue, lat, lng, start, end, status: status as IndexedEvent['status'],
  }));
}
