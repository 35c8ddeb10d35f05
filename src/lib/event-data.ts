/** Open data of events: rows for JSON and CSV (demo rows say 示例). Pure. */
import { toCsv } from './csv.ts';
import { displayTitle, type EventItem } from './events/events.ts';
import { eventPath } from './paths.ts';

export const EVENT_CSV_COLUMNS = [
  'id',
  'demo',
  'title',
  'type',
  'level',
  'city_code',
  'city',
  'county_code',
  'county',
  'venue',
  'address',
  'lat',
  'lng',
  'start',
  'end',
  'status',
  'organisers',
  'url',
] as const;

type Region = { code: string; name: string };

/** One flat row per event, for CSV and JSON alike. */
export function eventRows(events: readonly EventItem[], regionOf: (id: string) => Region, siteUrl: string) {
  return events.map((e) => ({
    id: e.id,
    demo: e.demo ? '示例' : '',
    title: displayTitle(e),
    type: e.type,
    level: e.level,
    city_code: regionOf(e.city).code,
    city: regionOf(e.city).name,
    county_code: e.county ? regionOf(e.county).code : '',
    county: e.county ? regionOf(e.county).name : '',
    venue: e.venue.name,
    address: e.venue.address,
    lat: e.lat,
    lng: e.lng,
    start: e.start,
    end: e.end,
    status: e.status,
    organisers: e.organisers.join('、'),
    url: new URL(eventPath(e.id), siteUrl).href,
  }));
}

/** CSV with BOM for Excel, CRLF line ends. */
export function eventsToCsv(rows: ReturnType<typeof eventRows>): string {
  return toCsv(EVENT_CSV_COLUMNS, rows);
}
