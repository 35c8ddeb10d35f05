/**
 * Cards the browser adds (filter results, near me): a copy of EventCard.astro's own markup from
 * the page's <template data-event-card-template>, filled with the words of src/lib/events/card.ts
 * as text (never as HTML). One markup for the built page and the browser.
 */
import type { EventCardView } from '../lib/events/card.ts';

let template: HTMLTemplateElement | null | undefined;

/** A card for `v`, from the page's template. */
export function eventCard(v: EventCardView): HTMLElement {
  template ??= document.querySelector<HTMLTemplateElement>('template[data-event-card-template]');
  if (!template) throw new Error('页面缺少 EventCardTemplate');
  const card = template.content.querySelector<HTMLElement>('.event-card')!.cloneNode(true) as HTMLElement;
  card.classList.toggle('is-nearest', Boolean(v.flag));
  for (const [key, value] of Object.entries(v.data)) {
    if (value === undefined) delete card.dataset[key];
    else card.dataset[key] = value;
  }
  const part = <T extends Element>(selector: string) => card.querySelector<T>(selector)!;
  const flag = part<HTMLElement>('.event-card__flag');
  if (v.flag) flag.textContent = v.flag;
  else flag.remove();
  const link = part<HTMLAnchorElement>('.event-card__title a');
  const badge = link.querySelector('.demo-badge');
  link.href = v.href;
  link.replaceChildren(...(v.demo && badge ? [badge] : []), ' ', v.title);
  const time = part<HTMLTimeElement>('time');
  time.dateTime = v.start;
  time.textContent = v.time;
  card.querySelectorAll('.event-card__meta')[1]!.textContent = v.where;
  const [type, level] = card.querySelectorAll('.event-card__tags > span');
  type!.textContent = v.tags[0];
  level!.textContent = v.tags[1];
  const state = part<HTMLElement>('.event-card__status');
  if (v.state) {
    state.textContent = v.state.text;
    state.className = `event-card__status ${v.state.class}`.trim();
  } else state.remove();
  const km = part<HTMLElement>('.event-card__km');
  if (v.distance) km.textContent = v.distance;
  else km.remove();
  return card;
}
