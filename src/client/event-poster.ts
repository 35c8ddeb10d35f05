/**
 * data-module="event-poster" on an event page's facts: with ?poster in the address
 * (eventPosterPath), the page shows itself as its A4 poster. Nothing else is loaded on an event
 * page: the poster builder and the QR code library arrive only when a poster is asked for, so
 * the site has one page per event and no second, poster page.
 */
export function showPosterIfAsked(facts: HTMLElement): Promise<void> | undefined {
  if (!new URLSearchParams(location.search).has('poster')) return undefined;
  return import('./poster.ts').then(({ showPoster }) => showPoster(facts));
}
