/**
 * Pages are built ahead of time: an event that was still to come at build time may have ended
 * by the time someone reads the page. This says 已结束 by the visitor's clock, on the event
 * page's state line and on any event card. Cancelled and postponed events keep their word.
 */
import { h } from './dom.ts';

const KEEP = /^(cancelled|postponed)$/u;

/** data-module="event-state": the state line at the top of an event page. */
export function markStateEnded(state: HTMLElement, now = Date.now()): void {
  if (!KEEP.test(state.dataset.status ?? '') && !state.classList.contains('is-ended') && Date.parse(state.dataset.end ?? '') < now) {
    const near = document.querySelector<HTMLAnchorElement>('nav[aria-label="面包屑"] a:last-of-type');
    state.replaceChildren(
      h('strong', {}, '本活动已结束。'),
      ...(near ? [' 看看', h('a', { href: near.getAttribute('href') ?? '/events/' }, `${near.textContent ?? ''}附近即将举办的活动`), '。'] : []),
    );
    state.className = 'event-state is-ended';
    state.hidden = false;
  }
}

/** data-module="event-card": one card of an event that was still to come when the page was built. */
export function markCardEnded(card: HTMLElement, now = Date.now()): void {
  {
    if (Date.parse(card.dataset.end ?? '') >= now || card.querySelector('.is-ended, .is-cancelled, .is-postponed')) return;
    card.querySelector('.event-card__status')?.remove();
    card.querySelector('.event-card__tags')?.append(h('span', { class: 'event-card__status is-ended' }, '已结束'));
  }
}
