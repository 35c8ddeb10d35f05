/**
 * Where a rule stands on a given day: not yet in force, in force, about to end, or ended. Pages
 * say "有效期至…", "即将到期" or "已到期" from this, at build time and again in the visitor's
 * browser (a page built in November and read in January must not say "apply now"). Dates are
 * calendar days in Asia/Shanghai; an end date counts in full. Pure, and small enough to ship.
 */
import { formatDateZh } from './format.ts';
import { shanghaiDate } from './dates.ts';

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
    case 'upcoming':
      return `${formatDateZh(window.from!)}起施行`;
    case 'active':
      return `有效期至${formatDateZh(window.to!)}`;
    case 'ending':
      return `即将到期：${formatDateZh(window.to!)}到期`;
    case 'expired':
      return `已于${formatDateZh(window.to!)}到期`;
    case 'open':
      return '';
  }
}

/**
 * A programme as a page describes it: its name, the last day a purchase (or loan) counts, and,
 * for subsidies claimed after buying, the application window that outlives the purchase window.
 */
export interface ProgrammeWindow {
  /** The programme's name as it reads in a sentence, e.g. "2026年汽车以旧换新补贴". */
  subject: string;
  /** The last day (inclusive) a purchase falls inside the programme. */
  to: string;
  /**
   * Present when people apply after buying: `by` is the announced last day to apply, missing
   * while it is not announced.
   */
  application?: { by?: string | undefined } | undefined;
  /** The first day of the next year's version of the rule, once it is published. */
  nextFrom?: string | undefined;
}

const daysLeft = (today: string, end: string): string => {
  const left = daysBetween(today, end);
  return left === 0 ? '今天是最后一天' : `还有${left}天`;
};

/**
 * What a page says about a programme on a day, in whole sentences: until when it runs, that it
 * ends soon, or that it has ended — and, for subsidies applied for after buying, that people who
 * bought in time may still apply (until the announced deadline, or "以官方发布为准" while none
 * is announced), and whether next year's rules are out. Used at build time and in the browser.
 */
export function programmeNotice(w: ProgrammeWindow, today: string): { state: ValidityState; text: string; parts: string[] } {
  const state = validityState({ to: w.to }, today);
  const end = formatDateZh(w.to);
  const year = Number(w.to.slice(0, 4));
  const by = w.application?.by;
  const next = w.nextFrom ? `新一年度的规定自${formatDateZh(w.nextFrom)}起施行。` : `${year + 1}年的政策尚未公布，公布后本站会更新。`;
  const done = (parts: string[]) => ({ state, parts, text: parts.join('') });
  if (state === 'active' || state === 'open' || state === 'upcoming') return done([`${w.subject}有效期至${end}。`]);
  if (state === 'ending') {
    const parts = [`即将到期：${w.subject}将于${end}到期（${daysLeft(today, w.to)}）。`];
    if (w.application) parts.push(by ? `在此之前购车的，可在${formatDateZh(by)}（含）前提交申请。` : '申请截止日尚未公布，买了车请尽早申请。');
    return done([...parts, next]);
  }
  if (!w.application) return done([`已到期：${w.subject}已于${end}到期。`, next]);
  const lead = `${w.subject}的购车时间已于${end}结束。`;
  if (by && today > by) return done([`已结束：${lead}申请也已于${formatDateZh(by)}截止。`, next]);
  const apply = by
    ? `在此之前购车的，仍可在${formatDateZh(by)}（含）前按${year}年的规则申请补贴（${daysLeft(today, by)}）。`
    : `在此之前购车的，仍可按${year}年的规则申请补贴；申请截止日尚未公布，以官方发布为准，请尽快申请。`;
  return done([lead, apply, next]);
}
