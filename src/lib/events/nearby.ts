/**
 * "Near me" for a county (县、县级市、区): its own events, then events in other counties within
 * a short drive of its government seat, nearest first. Nothing farther: a county page is about
 * that county and its neighbours, not the whole province. Pure; `now` is passed in.
 */
import { byStart, isUpcoming, type EventItem } from './events.ts';
import { distanceKm, type LatLng } from '../geo.ts';

/** How far "nearby" reaches from a county seat, in straight-line kilometres. */
export const NEARBY_RADIUS_KM = 50;

export interface CountyEvents<T> {
  /** Upcoming events in the county itself, soonest first (cancelled ones too, marked as such). */
  inCounty: T[];
  /** Upcoming events elsewhere within the radius, nearest first; ties soonest first. Not cancelled ones. */
  nearby: (T & { km: number })[];
  /** Past events in the county, most recent first. */
  past: T[];
}

type Placed = Pick<EventItem, 'id' | 'county' | 'lat' | 'lng' | 'start' | 'end' | 'status'>;

/** Splits events into the county's own, the nearby ones (with km from the seat) and the county's past ones. */
export function eventsNearCounty<T extends Placed>(
  events: readonly T[],
  county: { id: string } & LatLng,
  now: Date,
  radiusKm = NEARBY_RADIUS_KM,
): CountyEvents<T> {
  const own = events.filter((e) => e.county === county.id);
  const inCounty = own.filter((e) => isUpcoming(e, now)).sort(byStart);
  const past = own.filter((e) => !isUpcoming(e, now)).sort((a, b) => byStart(b, a));
  const nearby = events
    .filter((e) => e.county !== county.id && e.status !== 'cancelled' && isUpcoming(e, now))
    .map((e) => ({ ...e, km: distanceKm(county, e) }))
    .filter((e) => e.km <= radiusKm)
    .sort((a, b) => a.km - b.km || byStart(a, b));
  return { inCounty, nearby, past };
}

/**
 * When a filter finds nothing in a place: the next event there (any date), and the nearest
 * upcoming ones elsewhere, with their distance from the place's seat. Cancelled events are left
 * out. `place.county` is true for a county, false for a whole city.
 */
export function alternativesFor<T extends Placed & Pick<EventItem, 'city'>>(
  events: readonly T[],
  place: { id: string; county: boolean } & LatLng,
  now: Date,
  limit = 3,
): { next: T | undefined; nearest: (T & { km: number })[] } {
  const inPlace = (e: T) => (place.county ? e.county === place.id : e.city === place.id);
  const open = events.filter((e) => e.status !== 'cancelled' && isUpcoming(e, now));
  const next = open.filter(inPlace).sort(byStart)[0];
  const nearest = open
    .filter((e) => !inPlace(e))
    .map((e) => ({ ...e, km: distanceKm(place, e) }))
    .sort((a, b) => a.km - b.km || byStart(a, b))
    .slice(0, limit);
  return { next, nearest };
}
