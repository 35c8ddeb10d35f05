/**
 * Where a rule stands on a given day: not yet in force, in force, about to end, or ended. Pages
 * say "有效期至…", "即将到期" or "已到期" from this, at build time and again in the visitor's
 * browser (a page built in November and read in January must not say "apply now"). Dates are
 * calendar days in Asia/Shanghai; an end date counts in full. Pure, and small enough to ship.
 */
import { formatDateZh } from './format.ts';
import { shanghaiDate } from './time.ts';

export type ValidityState = 'upcoming' | 'active' | 'ending' | 'expired' | 'open';

/** How many days before its end a rule is shown as 即将到期. */
export const ENDING_SOON_DAYS = 30;


export { shanghaiDate };

/** Whole days from a to b (yyyy-mm-dd), positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The state of a window [from, to] (either may be missing) on the day `today`. */
export function validityState(window: { from?: string | undefined; to?: string | undefined }, today: string): ValidityState {
  if (window.from && today < window.from) return 'upcoming';
  if (!window.to) return 'open';
  if (today > window.to) return 'expired';
  return daysBetween(today, window.to) <= ENDING_SOON_DAYS ? 'ending' : 'active';
}

/**
 * A short label for a rule's period, as a whole phrase: "有效期至2026年12月31日",
 * "即将到期：2026年12月31日到期", "已于2026年12月31日到期", "2027年1月1日起施行", or "" when
 * the rule has no end date.
 */
export function validityLabel(window: { from?: string | undefined; to?: string | undefined }, today: string): string {
  const state = validityState(window, today);
  switch (state) {
    case 'upcoming': return `${formatDateZh(window.from!)}起施行`;
    case 'active': return `有效期至${formatDateZh(window.to!)}`;
    case 'ending': return `即将到期：${formatDateZh(window.to!)}到期`;
    case 'expired': return `已于${formatDateZh(window.to!)}到期`;
    case 'open': return '';
  }
}

/**
 * The sentence a page shows about the rules it explains, as a whole: where they stand today,
 * what that means for the reader, and what the site will do.
 */
export function validityNotice(to: string, today: string, subject = '本页介绍的政策'): { state: ValidityState; text: string } {
  const state = validityState({ to }, today);
  const end = formatDateZh(to);
  if (state === 'expired') return { state, text: `已到期：${subject}已于${end}到期。新政策发布后，本站会更新本页；在此之前请以官方发布为准。` };
  if (state === 'ending') {
    const left = daysBetween(today, to);
    return { state, text: `即将到期：${subject}将于${end}到期（${left === 0 ? '今天是最后一天' : `还有${left}天`}）。` };
  }
  return { state, text: `${subject}有效期至${end}。` };
}
