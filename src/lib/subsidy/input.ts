/**
 * What residents type into the calculator, read the way they write it: 15万, 十五万, 3年, 36期,
 * 12月20日; and the calculator's query string (a shared link) in both directions. Pure.
 */
import { formatDateZh, formatInteger } from '../format.ts';
import { isoDateOf, isRealMoment, parseLooseDate } from '../dates.ts';
import { CARS, MODES, OLD_FUELS } from './rules.ts';
import { type CalcInput, registrationRange } from './calculate.ts';

/**
 * Money as people type it: 150000, 150,000, 15万, 15.8万元, ￥150000, full-width digits
 * (１５万). Returns yuan, or undefined when the text is not an amount.
 */
export function parseAmount(text: string): number | undefined {
  const t = toHalfWidth(text)
    .replace(/[\s,，]/gu, '')
    .replace(/^(¥|￥|RMB|人民币)/iu, '')
    .replace(/(元|块)(钱)?$/u, '');
  const m = /^(\d+(?:\.\d+)?)(万|w|W)?$/u.exec(t);
  // 十五万, 二十万, 八万五千: numbers written in characters.
  const c = m ? undefined : /^([零〇一二两三四五六七八九十百千]+)(万)?([零〇一二两三四五六七八九十百千]*)$/u.exec(t);
  if (c) {
    const head = parseChineseNumber(c[1]!);
    const tail = c[3] ? parseChineseNumber(c[3], c[2] ? 10_000 : 1) : 0;
    if (head === undefined || tail === undefined) return undefined;
    return head * (c[2] ? 10_000 : 1) + tail;
  }
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2] ? 10_000 : 1);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : undefined;
}

const CN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A number under 10,000 written in characters: 十五 -> 15, 三十六 -> 36, 一百二 -> 120,
 * 三千五 -> 3500 (a last digit after 百 or 千 counts in the next unit down, as people say it).
 * `scale` is the unit the number follows (10,000 for the 五千 of 八万五千). Undefined otherwise.
 */
export function parseChineseNumber(text: string, scale = 1): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit: number | undefined;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = CN_DIGITS[ch]!;
    } else if (ch in CN_UNITS) {
      const unit = CN_UNITS[ch]!;
      // Units go down: 三千五百二十, never 十十 or 五十千.
      if (lastUnit !== undefined && unit >= lastUnit) return undefined;
      total += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
    } else return undefined;
  }
  if (digit !== undefined) total += lastUnit !== undefined && lastUnit >= 100 ? digit * (lastUnit / 10) : digit;
  return text.length > 0 ? total * (scale > 1 && lastUnit === undefined ? scale / 10 : 1) : undefined;
}

/**
 * A loan term as people write it, in months: 36, 36期, 36个月, 3年, 三年, 三十六期, 1.5年.
 * Undefined when it is not a whole number of months.
 */
export function parseLoanMonths(text: string): number | undefined {
  const t = toHalfWidth(text).replace(/\s/gu, '');
  const m = /^(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)(期|个月|月|年)?$/u.exec(t);
  if (!m) return undefined;
  const n = /^[\d.]+$/u.test(m[1]!) ? Number(m[1]) : parseChineseNumber(m[1]!);
  if (n === undefined || !Number.isFinite(n)) return undefined;
  const months = m[2] === '年' ? n * 12 : n;
  return Number.isInteger(months) ? months : undefined;
}

/**
 * A purchase day as people write it: 2026-12-20, 2026年12月20日, or 12月20日 (the most recent
 * such day on or before `today`: typed in January, 12月20日 is last December).
 */
export function normalizePurchaseDate(text: string, today: string | undefined): string | undefined {
  const full = normalizeDate(text);
  if (full) return full;
  const m = /^(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?$/u.exec(text.trim());
  if (!m || !today) return undefined;
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    const p = { y, mo: Number(m[1]), d: Number(m[2]), h: 0, mi: 0 };
    if (isRealMoment(p) && isoDateOf(p) <= today) return isoDateOf(p);
  }
  return undefined;
}

/**
 * Full-width digits, letters and punctuation (typed with a Chinese input method) and the
 * ideographic space as their plain forms: Unicode's compatibility normalisation (NFKC).
 */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

/**
 * A registration date as typed: a full date, or just a year or a month when that decides the
 * answer (2012 -> "2012", 2013年6月 -> "2013-06"). Undefined when it is not a real date.
 */
export function normalizeRegistration(text: string): string | undefined {
  const t = toHalfWidth(text).trim();
  const year = /^(\d{4})\s*年?$/u.exec(t);
  if (year) return year[1];
  return normalizeMonth(t) ?? normalizeDate(t);
}

export interface FieldError {
  field: keyof CalcInput;
  message: string;
}

/**
 * Dates as people type them: 2012-05-01, 2012/5/1, 2012.5.1, 2012年5月1日 or 20120501 become
 * 2012-05-01; anything that is not a real calendar date becomes undefined.
 */
export function normalizeDate(text: string): string | undefined {
  const p = parseLooseDate(text);
  return p && !p.hasTime && isRealMoment(p) ? isoDateOf(p) : undefined;
}

/** Months as people type them: 2026-03, 2026/3, 2026年3月, 202603 become 2026-03. */
export function normalizeMonth(text: string): string | undefined {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/u.exec(t) ?? /^(\d{4})(\d{2})$/u.exec(t);
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : undefined;
}

/** Reads the calculator's inputs from a URL query; returns every problem in Chinese. */
/** Registration dates before this are typing mistakes, not old cars. */
export const EARLIEST_REGISTRATION = '1990-01-01';

/**
 * Reads the calculator's inputs from a URL query; returns every problem in Chinese. `today`
 * (yyyy-mm-dd, the visitor's day) rules out registration dates in the future.
 */
export function parseCalcQuery(params: URLSearchParams, today?: string): { input?: CalcInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const oneOf = <T extends string>(k: keyof CalcInput, allowed: readonly T[], label: string): T | undefined => {
    const v = get(k);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    errors.push({ field: k, message: `${label}的取值“${v}”不对` });
    return undefined;
  };
  const num = (k: keyof CalcInput, label: string, min: number, max: number, integer = false): number | undefined => {
    const v = get(k);
    if (v === undefined) return undefined;
    const n =
      k === 'price' || k === 'loan'
        ? (parseAmount(v) ?? Number.NaN)
        : k === 'loanMonths'
          ? (parseLoanMonths(v) ?? Number.NaN)
          : Number(toHalfWidth(v).replace(/[,，\s%％]/gu, ''));
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      errors.push({
        field: k,
        message:
          k === 'price' || k === 'loan'
            ? `${label}应在${formatInteger(min)}元到${max / 10_000}万元之间，可以写 150000 或 15万`
            : k === 'loanMonths'
              ? `${label}应为${min}到${formatInteger(max)}个月，可以写 36、36期或3年`
              : `${label}应为${min}到${formatInteger(max)}之间的${integer ? '整数' : '数字'}`,
      });
      return undefined;
    }
    return n;
  };
  const mode = oneOf('mode', MODES, '旧车处理方式');
  const car = oneOf('car', CARS, '新车类型');
  const price = num('price', '车价', 1000, 10_000_000);
  const oldFuel = oneOf('oldFuel', OLD_FUELS, '旧车燃料类型');
  const ownedBeforeCutoff = oneOf('ownedBeforeCutoff', ['yes', 'no'] as const, '旧车登记时间');
  const oldRegisteredText = get('oldRegistered');
  const buyDateText = get('buyDate');
  const buyDate = buyDateText === undefined ? undefined : normalizePurchaseDate(toHalfWidth(buyDateText), today);
  if (buyDateText !== undefined && buyDate === undefined)
    errors.push({ field: 'buyDate', message: '购车日期应为真实日期，可以写 2026-03-05、2026年3月5日或3月5日' });
  let oldRegistered = oldRegisteredText === undefined ? undefined : normalizeRegistration(oldRegisteredText);
  if (oldRegisteredText !== undefined && oldRegistered === undefined) {
    errors.push({ field: 'oldRegistered', message: '旧车注册日期应为真实日期，格式如 2012-05-01（只知道年份时填 2012）' });
  } else if (oldRegistered !== undefined) {
    const { first } = registrationRange(oldRegistered);
    const latest = buyDate ?? today;
    if (first < EARLIEST_REGISTRATION) {
      errors.push({ field: 'oldRegistered', message: `旧车注册日期早于${EARLIEST_REGISTRATION.slice(0, 4)}年，请核对行驶证上的“注册日期”` });
      oldRegistered = undefined;
    } else if (latest && first > latest) {
      errors.push({
        field: 'oldRegistered',
        message: `旧车注册日期${formatDateZh(first)}还没到${buyDate ? '（晚于购车日期）' : ''}，请核对行驶证上的“注册日期”`,
      });
      oldRegistered = undefined;
    }
  }
  const loan = num('loan', '贷款金额', 0, 10_000_000);
  const loanMonths = num('loanMonths', '贷款期数（月）', 1, 120, true);
  const loanRate = num('loanRate', '年利率（%）', 0, 36);
  const loanStartText = get('loanStart');
  const loanStart = loanStartText === undefined ? undefined : normalizeMonth(loanStartText);
  if (loanStartText !== undefined && loanStart === undefined) {
    errors.push({ field: 'loanStart', message: '放款月份格式应如 2026-03' });
  }
  const has = (f: keyof CalcInput) => errors.some((e) => e.field === f);
  if (!mode && !has('mode')) errors.push({ field: 'mode', message: '请选择旧车怎么处理' });
  if (!car && !has('car')) errors.push({ field: 'car', message: '请选择新车类型' });
  if (price === undefined && !has('price')) errors.push({ field: 'price', message: '请填写新车价格（元）' });
  if (mode === 'scrap') {
    if (!oldFuel && !has('oldFuel')) errors.push({ field: 'oldFuel', message: '报废更新请选择旧车燃料类型' });
    if (!oldRegistered && !has('oldRegistered')) errors.push({ field: 'oldRegistered', message: '报废更新请填写旧车注册日期' });
  }
  if (mode && mode !== 'none' && !ownedBeforeCutoff && !has('ownedBeforeCutoff'))
    errors.push({ field: 'ownedBeforeCutoff', message: '请选择旧车是否在规定日期前登记在您名下' });
  if (loan && price !== undefined && loan > price) errors.push({ field: 'loan', message: '贷款金额不能超过车价：本计算器只估算买车用的贷款' });
  if (loan) {
    if (loanMonths === undefined && !has('loanMonths')) errors.push({ field: 'loanMonths', message: '请填写贷款期数' });
    if (loanRate === undefined && !has('loanRate')) errors.push({ field: 'loanRate', message: '请填写年利率' });
    if (loanStart === undefined && !has('loanStart')) errors.push({ field: 'loanStart', message: '请填写放款月份' });
  }
  if (errors.length > 0 || !mode || !car || price === undefined) return { errors };
  return { input: { mode, car, price, buyDate, oldFuel, oldRegistered, ownedBeforeCutoff, loan, loanMonths, loanRate, loanStart }, errors };
}

/** The URL query that reproduces an input (for sharing). */
export function toCalcQuery(input: CalcInput): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p.toString();
}
