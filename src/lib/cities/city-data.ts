/**
 * One city's open data for download: its plan month by month beside the events published, and
 * its events. CSV (UTF-8 with BOM for Excel, every cell formula-safe) and JSON. Pure.
 */
import type { PlanMonthProgress } from '../events/events.ts';

export const CITY_PLAN_COLUMNS = ['city_code', 'city', 'month', 'plan_city_level', 'plan_county_level', 'published_events'] as const;

type CityPlanRow = Record<(typeof CITY_PLAN_COLUMNS)[number], string | number>;

/** Twelve rows: the month's planned city- and county-level events and the events published for it. */
export function cityPlanRows(city: { code: string; name: string }, progress: readonly PlanMonthProgress[]): CityPlanRow[] {
  return progress.map((p) => ({
    city_code: city.code,
    city: city.name,
    month: p.month,
    plan_city_level: p.planned.city,
    plan_county_level: p.planned.county,
    published_events: p.published,
  }));
}
