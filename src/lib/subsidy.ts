/**
 * The subsidy calculator: trade-in subsidy, NEV purchase-tax reduction and the consumer-loan
 * interest subsidy, each with its arithmetic in words. Every rate, cap and date comes from the
 * policy facts (rulesFromFacts); this file holds only the arithmetic. Pure and deterministic.
 */
import { formatDateZh, formatInteger } from './format.ts';
import { isoDateOf, isRealMoment, parseLooseDate } from './time.ts';
import { factSentence, factTopic, formatYuan, isConfirmed, resolveFact, type PolicyFact } from './policy-facts.ts';
import { programmeNotice } from './validity.ts';

export const MODES = ['scrap', 'replace', 'none'] as const;
export const CARS = ['nev', 'ice-small', 'ice-large'] as const;
export const OLD_FUELS = ['petrol', 'diesel', 'nev'] as const;
export type Mode = (typeof MODES)[number];
export type Car = (typeof CARS)[number];
export type OldFuel = (typeof OLD_FUELS)[number];

export const MODE_LABELS: Record<Mode, string> = { scrap: '报废旧车', replace: '卖掉旧车（置换）', none: '没有旧车' };
export const CAR_LABELS: Record<Car, string> = { nev: '新能源乘用车（在减免购置税目录内）', 'ice-small': '2.0升及以下燃油车', 'ice-large': '2.0升以上燃油车' };
export const OLD_FUEL_LABELS: Record<OldFuel, string> = { petrol: '汽油车', diesel: '柴油车或其他燃料车', nev: '新能源车' };

interface PercentCap { percent: number; cap: number; fact: string }

/** Everything the calculator needs, read out of the policy facts. */
export interface SubsidyRules {
  /** The day the rules were chosen for (yyyy-mm-dd). */
  day: string;
  /**
   * The trade-in programme's period: purchases outside it are not counted. People who bought
   * inside it may apply after it ends, until `applyBy` (missing while not announced); `nextFrom`
   * is when next year's rules start, once they are published.
   */
  tradeIn: { from: string; to: string; applyBy?: string | undefined; nextFrom?: string | undefined };
  scrap: { nev: PercentCap; iceSmall: PercentCap };
  replace: { nev: PercentCap; iceSmall: PercentCap };
  cutoffs: Record<OldFuel, { date: string; fact: string }>;
  ownedBefore: { date: string; fact: string; confirmed: boolean };
  nevScrapToIce: { fact: string };
  /** The price the percentage applies to, as a whole sentence. */
  priceBasis: { fact: string; text: string };
  /** Whether the subsidy is rounded up to the whole yuan (a fact says so), else half up. */
  rounding: { fact?: string | undefined; up: boolean };
  /** Where people apply for 置换更新, as a whole sentence, when the site knows it. */
  replaceChannel?: { fact: string; text: string } | undefined;
  displacement: { fact: string };
  tax: { ratePercent: number; vatPercent: number; reductionPercent: number; cap: number; from: string; to: string; facts: string[] };
  loan: { points: number; maxSharePercent: number; annualCap: number; from: string; to: string; facts: string[] };
}

/** The calculator's view of the facts: each rule's version in force on one day. */
function picker(facts: readonly PolicyFact[], day: string) {
  const pick = (topic: string): PolicyFact => {
    const f = resolveFact(facts, topic, day);
    if (!f) throw new Error(`计算器需要的政策事实 ${topic} 不在 facts.yaml 中`);
    return f;
  };
  return {
    pick,
    /** The version in force, or undefined when no such rule is written (older years). */
    maybe: (topic: string): PolicyFact | undefined => resolveFact(facts, topic, day),
    percentCap(topic: string): PercentCap {
      const f = pick(topic);
      if (f.value.type !== 'percent-cap') throw new Error(`事实 ${f.id} 应为 percent-cap`);
      return { percent: f.value.percent, cap: f.value.cap, fact: f.id };
    },
    date(topic: string): { date: string; fact: string } {
      const f = pick(topic);
      if (f.value.type !== 'date') throw new Error(`事实 ${f.id} 应为 date`);
      return { date: f.value.date, fact: f.id };
    },
    number(topic: string): number {
      const v = pick(topic).value;
      if (v.type === 'percent') return v.percent;
      if (v.type === 'points') return v.points;
      if (v.type === 'amount' || v.type === 'quantity') return v.amount;
      throw new Error(`事实 ${topic} 应为数值`);
    },
  };
}

/**
 * Builds the calculator's rules from the fact list, taking each rule's version in force on
 * `day` (yyyy-mm-dd; next year's facts replace this year's by date); throws if a fact is missing.
 */
export function rulesFromFacts(facts: readonly PolicyFact[], day: string): SubsidyRules {
  const p = picker(facts, day);
  const taxFacts = ['tax-rate', 'tax-vat-rate', 'tax-nev-reduction', 'tax-nev-cap'].map((t) => p.pick(t).id);
  const loanFacts = ['loan-subsidy-rate', 'loan-subsidy-max-share', 'loan-subsidy-annual-cap', 'loan-subsidy-period-start', 'loan-subsidy-period-end'].map((t) => p.pick(t).id);
  const reduction = p.pick('tax-nev-reduction');
  const scrapNev = p.pick('tradein-scrap-nev');
  const owned = p.pick('tradein-owned-before');
  const basis = p.pick('tradein-price-basis');
  const rounding = p.maybe('tradein-rounding');
  const channel = p.maybe('tradein-jiangsu-replace-channel');
  const deadline = p.maybe('tradein-deadline');
  const to = scrapNev.to ?? '';
  const next = facts.filter((f) => factTopic(f) === factTopic(scrapNev) && f.from !== undefined && to !== '' && f.from > to).map((f) => f.from!).sort()[0];
  return {
    day,
    tradeIn: { from: scrapNev.from ?? '', to, applyBy: deadline?.value.type === 'date' ? deadline.value.date : undefined, nextFrom: next },
    scrap: { nev: p.percentCap('tradein-scrap-nev'), iceSmall: p.percentCap('tradein-scrap-ice') },
    replace: { nev: p.percentCap('tradein-replace-nev'), iceSmall: p.percentCap('tradein-replace-ice') },
    cutoffs: { petrol: p.date('tradein-cutoff-petrol'), diesel: p.date('tradein-cutoff-diesel'), nev: p.date('tradein-cutoff-nev') },
    ownedBefore: { ...p.date('tradein-owned-before'), confirmed: isConfirmed(owned.confidence) },
    nevScrapToIce: { fact: p.pick('tradein-nev-scrap-to-ice').id },
    priceBasis: { fact: basis.id, text: factSentence(basis, day, { state: false }) },
    rounding: { fact: rounding?.id, up: rounding?.value.type === 'text' && rounding.value.text.startsWith('向上取整') },
    replaceChannel: channel && channel.value.type !== 'unknown' ? { fact: channel.id, text: factSentence(channel, day, { state: false }) } : undefined,
    displacement: { fact: p.pick('tradein-ice-displacement').id },
    tax: {
      ratePercent: p.number('tax-rate'),
      vatPercent: p.number('tax-vat-rate'),
      reductionPercent: p.number('tax-nev-reduction'),
      cap: p.number('tax-nev-cap'),
      from: reduction.from ?? '',
      to: reduction.to ?? '',
      facts: taxFacts,
    },
    loan: {
      points: p.number('loan-subsidy-rate'),
      maxSharePercent: p.number('loan-subsidy-max-share'),
      annualCap: p.number('loan-subsidy-annual-cap'),
      from: p.date('loan-subsidy-period-start').date,
      to: p.date('loan-subsidy-period-end').date,
      facts: loanFacts,
    },
  };
}

/**
 * The rule sets the browser needs from `day` on: one for each day a version of some rule starts,
 * so a purchase next year is judged by next year's facts once they are published. Consecutive
 * identical sets are dropped; the browser takes the last set whose day is not after the purchase.
 */
export function ruleSetsFromFacts(facts: readonly PolicyFact[], day: string): SubsidyRules[] {
  const days = [day, ...new Set(facts.map((f) => f.from).filter((d): d is string => d !== undefined && d > day))].sort();
  const same = (a: SubsidyRules, b: SubsidyRules) => JSON.stringify({ ...a, day: '' }) === JSON.stringify({ ...b, day: '' });
  return days.map((d) => rulesFromFacts(facts, d)).filter((r, i, all) => i === 0 || !same(r, all[i - 1]!));
}

/** Every fact the calculator relies on, for the rules table beside it. */
export function calculatorFactIds(rules: SubsidyRules): string[] {
  return [
    rules.scrap.nev.fact, rules.scrap.iceSmall.fact, rules.replace.nev.fact, rules.replace.iceSmall.fact, rules.priceBasis.fact,
    ...(rules.rounding.fact ? [rules.rounding.fact] : []), ...(rules.replaceChannel ? [rules.replaceChannel.fact] : []),
    rules.cutoffs.petrol.fact, rules.cutoffs.diesel.fact, rules.cutoffs.nev.fact, rules.ownedBefore.fact, rules.displacement.fact,
    rules.nevScrapToIce.fact, ...rules.tax.facts, ...rules.loan.facts,
  ];
}

/** What a resident tells the calculator. Money in yuan, rate in percent, dates as text. */
export interface CalcInput {
  mode: Mode;
  car: Car;
  price: number;
  /** The day the car is bought (yyyy-mm-dd): programmes only count purchases in their period. */
  buyDate?: string | undefined;
  oldFuel?: OldFuel | undefined;
  /** yyyy-mm-dd, or yyyy-mm / yyyy when that is enough to decide (see registrationRange). */
  oldRegistered?: string | undefined;
  ownedBeforeCutoff?: 'yes' | 'no' | undefined;
  loan?: number | undefined;
  loanMonths?: number | undefined;
  loanRate?: number | undefined;
  loanStart?: string | undefined;
}

export type ResultKey = 'trade-in' | 'purchase-tax' | 'interest';

export interface ResultLine {
  key: ResultKey;
  title: string;
  eligible: boolean;
  /** Exact amount in yuan (may have fen). */
  amount: number;
  /** Whole yuan (amount is already whole for trade-in, rounded up; otherwise half up): what the page shows and data-value holds. */
  value: number;
  steps: string[];
  /** Why not eligible, in plain words. */
  reasons: string[];
  /** What would change the answer. */
  fixes: string[];
  /** Conditions the estimate assumes. */
  assumptions: string[];
  /** What the reader must know on the day they read it (e.g. the purchase window has ended). */
  notes: string[];
  facts: string[];
}

/**
 * The three answers, and what they add up to: cash paid to the buyer's bank card (以旧换新),
 * tax not paid (购置税减免) and interest not paid (贴息) are different kinds of money, so the
 * total is what the buyer spends less in all (合计少花), with each part shown.
 */
export interface CalcResult { lines: ResultLine[]; cash: number; taxSaved: number; interestSaved: number; total: number }

const money = (n: number) => (Number.isInteger(n) ? formatInteger(n) : formatInteger(Math.trunc(n)) + '.' + n.toFixed(2).split('.')[1]) + '元';
const round2 = (n: number) => Math.round(n * 100) / 100;
/** Whole yuan, half up (the site's convention; the official review decides the real figure). */
export const toWholeYuan = (n: number) => Math.floor(n + 0.5);

function line(key: ResultKey, title: string, partial: Partial<ResultLine>): ResultLine {
  const amount = partial.amount ?? 0;
  return { key, title, eligible: false, amount, value: toWholeYuan(amount), steps: [], reasons: [], fixes: [], assumptions: [], notes: [], facts: [], ...partial };
}

/** A purchase day outside a programme's period: why it is not counted, in whole sentences. */
function outsidePeriod(name: string, from: string, to: string, day: string): string[] {
  return day < from
    ? [`${name}从${formatDateZh(from)}开始；购车日期${formatDateZh(day)}在此之前，本计算器不计算。`]
    : [`${name}的有效期到${formatDateZh(to)}为止；购车日期${formatDateZh(day)}已过有效期，本计算器不计算。`, '新政策发布后，本站会更新计算规则。'];
}

/**
 * The first and last day a registration date may be when only the year or the month is known:
 * "2012" -> 2012-01-01..2012-12-31, "2013-06" -> 2013-06-01..2013-06-30.
 */
export function registrationRange(text: string): { first: string; last: string } {
  if (/^\d{4}$/u.test(text)) return { first: `${text}-01-01`, last: `${text}-12-31` };
  if (/^\d{4}-\d{2}$/u.test(text)) {
    const days = new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)), 0)).getUTCDate();
    return { first: `${text}-01`, last: `${text}-${String(days).padStart(2, '0')}` };
  }
  return { first: text, last: text };
}

/** "2012" -> "2012年", "2013-06" -> "2013年6月", "2012-05-01" -> "2012年5月1日". */
function registrationZh(text: string): string {
  if (/^\d{4}$/u.test(text)) return `${text}年`;
  if (/^\d{4}-\d{2}$/u.test(text)) return `${text.slice(0, 4)}年${Number(text.slice(5))}月`;
  return formatDateZh(text);
}

/**
 * After the trade-in purchase window has ended, what the page notice says: people who bought in
 * time may still apply (until the deadline, once announced), and whether next year's rules are out.
 */
function applicationNotes(rules: SubsidyRules, today: string | undefined): string[] {
  const { from, to, applyBy, nextFrom } = rules.tradeIn;
  if (!today || !to || today <= to) return [];
  return [programmeNotice({ subject: `${(from || to).slice(0, 4)}年汽车以旧换新补贴`, to, application: { by: applyBy }, nextFrom }, today).text];
}

function tradeIn(input: CalcInput, rules: SubsidyRules, today?: string): ResultLine {
  const title = '以旧换新补贴';
  const period = rules.tradeIn;
  if (input.mode !== 'none' && input.buyDate && period.from && period.to && (input.buyDate < period.from || input.buyDate > period.to)) {
    const after = input.buyDate > period.to;
    return line('trade-in', title, {
      // After the end, the note below says what comes next (apply; next year's rules), once.
      reasons: outsidePeriod('这一期以旧换新补贴', period.from, period.to, input.buyDate).slice(0, after ? 1 : undefined),
      fixes: after ? [`如果您是在${formatDateZh(period.to)}（含）以前买的车，请在“购车日期”里填写实际日期，按当时的规则计算。`] : [],
      notes: after ? applicationNotes(rules, today ?? input.buyDate) : [],
      facts: [rules.scrap.nev.fact],
    });
  }
  if (input.mode === 'none') {
    return line('trade-in', title, {
      reasons: ['没有旧车报废或转让，国家以旧换新补贴不适用。'],
      fixes: ['如果您有一辆登记在自己名下的旧车，报废它或卖掉它再买新车，就可以申请以旧换新补贴。'],
    });
  }
  if (input.car === 'ice-large') {
    return line('trade-in', title, {
      reasons: ['2.0升以上排量的燃油车不在以旧换新补贴范围内。'],
      fixes: ['改买新能源乘用车，或2.0升及以下排量的燃油车。'],
      facts: [rules.displacement.fact],
    });
  }
  const owned = rules.ownedBefore;
  if (input.ownedBeforeCutoff === 'no') {
    return line('trade-in', title, {
      reasons: [`旧车须在${formatDateZh(owned.date)}（含当日）或更早登记在您本人名下${owned.confirmed ? '' : '（这一条尚待官方原文核实）'}；您选择了“否”。`],
      fixes: ['如果旧车在这个日期前已登记在您名下，请选择“是”。'],
      facts: [owned.fact],
    });
  }
  const facts: string[] = [owned.fact];
  if (input.mode === 'scrap') {
    const fuel = input.oldFuel;
    if (!fuel || !input.oldRegistered) {
      return line('trade-in', title, { reasons: ['报废更新要看旧车的燃料类型和注册日期，请先填写。'] });
    }
    const cutoff = rules.cutoffs[fuel];
    facts.push(cutoff.fact);
    const range = registrationRange(input.oldRegistered);
    if (range.first <= cutoff.date && range.last > cutoff.date) {
      return line('trade-in', title, {
        reasons: [`${OLD_FUEL_LABELS[fuel]}要在${formatDateZh(cutoff.date)}及以前注册才能报废更新；只知道注册于${registrationZh(input.oldRegistered)}，还判断不了。`],
        fixes: [`请把注册日期填到${/^\d{4}$/u.test(input.oldRegistered) ? '月份' : '日'}，例如 ${cutoff.date.slice(0, /^\d{4}$/u.test(input.oldRegistered) ? 7 : 10)}（看行驶证上的“注册日期”）。`],
        facts,
      });
    }
    if (range.first > cutoff.date) {
      return line('trade-in', title, {
        reasons: [`您的${OLD_FUEL_LABELS[fuel]}注册于${registrationZh(input.oldRegistered)}，晚于${formatDateZh(cutoff.date)}，还不符合报废更新的条件。`],
        fixes: ['可以改为置换更新：把旧车卖掉（过户转让）再买新车，置换更新不看旧车注册日期。'],
        facts,
      });
    }
    if (fuel === 'nev' && input.car === 'ice-small') {
      return line('trade-in', title, {
        reasons: ['报废新能源车后改买燃油车，不予补贴。'],
        fixes: ['报废新能源车后买新能源乘用车，可以申请补贴。'],
        facts: [...facts, rules.nevScrapToIce.fact],
      });
    }
  }
  const rule = input.mode === 'scrap' ? (input.car === 'nev' ? rules.scrap.nev : rules.scrap.iceSmall) : input.car === 'nev' ? rules.replace.nev : rules.replace.iceSmall;
  facts.push(rule.fact, rules.priceBasis.fact);
  if (rules.rounding.fact) facts.push(rules.rounding.fact);
  const raw = round2((input.price * rule.percent) / 100);
  const rounded = rules.rounding.up ? Math.ceil(raw) : raw;
  const amount = Math.min(rounded, rule.cap);
  const steps = [
    `${MODE_LABELS[input.mode]}、买${CAR_LABELS[input.car]}：补贴车价的${rule.percent}%，最高${formatYuan(rule.cap)}。`,
    `${money(input.price)} × ${rule.percent}% = ${money(raw)}`,
    ...(rounded !== raw && raw <= rule.cap ? [`向上取整到整元：${money(rounded)}。`] : []),
    raw > rule.cap ? `超过封顶${formatYuan(rule.cap)}，按${formatYuan(rule.cap)}计。` : `未超过封顶${formatYuan(rule.cap)}。`,
  ];
  return line('trade-in', title, {
    eligible: true,
    amount,
    steps,
    assumptions: [
      rules.priceBasis.text,
      input.mode === 'scrap'
        ? '旧车须交给有资质的报废机动车回收拆解企业，取得《报废机动车回收证明》和《机动车注销证明》。'
        : `旧车须办理过户转让。${rules.replaceChannel?.text ?? '置换更新的申请入口以官方发布为准。'}`,
    ],
    notes: applicationNotes(rules, today),
    facts,
  });
}

function purchaseTax(input: CalcInput, rules: SubsidyRules): ResultLine {
  const t = rules.tax;
  const title = '新能源车购置税减免';
  const base = round2(input.price / (1 + t.vatPercent / 100));
  const full = round2((base * t.ratePercent) / 100);
  if (input.car !== 'nev') {
    return line('purchase-tax', title, {
      reasons: [`燃油车不减免车辆购置税，需全额缴纳约${money(full)}（${money(input.price)} ÷ ${(1 + t.vatPercent / 100).toFixed(2)} × ${t.ratePercent}%）。`],
      fixes: [`买列入《减免车辆购置税的新能源汽车车型目录》的新能源乘用车，购置税减半，每辆最多减${formatYuan(t.cap)}。`],
      facts: t.facts,
    });
  }
  if (input.buyDate && t.from && t.to && (input.buyDate < t.from || input.buyDate > t.to)) {
    return line('purchase-tax', title, { reasons: outsidePeriod('这一期新能源汽车购置税减免', t.from, t.to, input.buyDate), facts: t.facts });
  }
  const half = round2((full * t.reductionPercent) / 100);
  const amount = Math.min(half, t.cap);
  return line('purchase-tax', title, {
    eligible: true,
    amount,
    steps: [
      `不含增值税的车价：${money(input.price)} ÷ ${(1 + t.vatPercent / 100).toFixed(2)} = ${money(base)}`,
      `全额购置税：${money(base)} × ${t.ratePercent}% = ${money(full)}`,
      `减征${t.reductionPercent}%：${money(full)} × ${t.reductionPercent}% = ${money(half)}`,
      half > t.cap ? `超过每辆${formatYuan(t.cap)}的上限，按${formatYuan(t.cap)}计；实缴${money(round2(full - t.cap))}。` : `未超过每辆${formatYuan(t.cap)}的上限；实缴${money(round2(full - half))}。`,
    ],
    assumptions: [`购车发票开具在${formatDateZh(t.from)}至${formatDateZh(t.to)}之间，车型在减免目录内（购车前请让销售出示）。`],
    facts: t.facts,
  });
}

/** Months between two "YYYY-MM" strings (b - a). */
function monthDiff(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}
function addMonths(ym: string, n: number): string {
  const total = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function interest(input: CalcInput, rules: SubsidyRules): ResultLine {
  const l = rules.loan;
  const title = '消费贷款财政贴息';
  const { loan, loanMonths: n, loanRate: rate, loanStart: start } = input;
  if (!loan || !n || rate === undefined || !start) {
    return line('interest', title, { reasons: ['没有填写贷款，不计算贴息。'], fixes: ['用经办机构的个人消费贷款买车，可以填写贷款金额、期限、利率和放款月份估算贴息。'], facts: l.facts });
  }
  const endYm = l.to.slice(0, 7);
  const fromYm = l.from.slice(0, 7);
  const calcFrom = `${endYm.slice(0, 4)}-01` > start ? `${endYm.slice(0, 4)}-01` : start;
  if (start > endYm) {
    return line('interest', title, {
      reasons: [`贴息政策目前只到${formatDateZh(l.to)}；${start.slice(0, 4)}年${Number(start.slice(5))}月放款的贷款不在实施期内。`],
      fixes: ['实施期到期后是否延长，以财政部等部门的官方发布为准。'],
      facts: l.facts,
    });
  }
  const points = Math.min(l.points, (rate * l.maxSharePercent) / 100);
  const r = rate / 100 / 12;
  const payment = r === 0 ? loan / n : (loan * r) / (1 - (1 + r) ** -n);
  let balance = loan;
  let sum = 0;
  let months = 0;
  for (let k = 0; k < n; k++) {
    const ym = addMonths(start, k);
    if (ym > endYm) break;
    if (ym >= calcFrom && ym >= fromYm) {
      sum += (balance * points) / 100 / 12;
      months += 1;
    }
    const interestK = balance * r;
    balance -= payment - interestK;
  }
  const exact = round2(sum);
  const amount = Math.min(exact, l.annualCap);
  const lastYm = addMonths(start, Math.min(n, monthDiff(start, endYm) + 1) - 1);
  const steps = [
    `等额本息：${money(loan)}，${n}期，年利率${rate}%。`,
    points < l.points
      ? `贴息按${l.points}个百分点，但不超过合同利率的${l.maxSharePercent}%：${rate}% × ${l.maxSharePercent}% = ${round2(points)}个百分点。`
      : `年贴息${l.points}个百分点（不超过合同利率的${l.maxSharePercent}%，即${round2((rate * l.maxSharePercent) / 100)}个百分点）。`,
    `每月贴息 = 当月未还本金 × ${round2(points)}% ÷ 12；${calcFrom.slice(0, 4)}年${Number(calcFrom.slice(5))}月至${lastYm.slice(0, 4)}年${Number(lastYm.slice(5))}月共${months}个月，合计${money(exact)}。`,
    exact > l.annualCap ? `超过每人每家机构每年${formatYuan(l.annualCap)}的上限，按${formatYuan(l.annualCap)}计。` : `未超过每人每家机构每年${formatYuan(l.annualCap)}的上限。`,
  ];
  const assumptions = [
    '须是经办机构发放的个人消费贷款，签署贴息协议并授权识别消费交易；贴息在结息时直接抵扣，实际以银行计算为准。',
    `政策目前只到${formatDateZh(l.to)}，之后的利息不保证有贴息。`,
  ];
  if (start < calcFrom) assumptions.push(`只计算${calcFrom.slice(0, 4)}年的贴息；此前月份适用当时的规则，不在此估算。`);
  return line('interest', title, { eligible: months > 0 && amount > 0, amount, steps, assumptions, facts: l.facts });
}

/** Runs all three calculations. The total adds the whole-yuan figures that are shown. */
/**
 * The three answers for a purchase. `today` (yyyy-mm-dd, the reader's day) adds what matters on
 * that day: after the trade-in purchase window ends, that people who bought in time may still apply.
 */
export function calculateSubsidy(input: CalcInput, rules: SubsidyRules, today?: string): CalcResult {
  const lines = [tradeIn(input, rules, today), purchaseTax(input, rules), interest(input, rules)];
  const shown = (key: ResultKey) => { const l = lines.find((x) => x.key === key)!; return l.eligible ? l.value : 0; };
  const cash = shown('trade-in');
  const taxSaved = shown('purchase-tax');
  const interestSaved = shown('interest');
  return { lines, cash, taxSaved, interestSaved, total: cash + taxSaved + interestSaved };
}

/**
 * Money as people type it: 150000, 150,000, 15万, 15.8万元, ￥150000, full-width digits
 * (１５万). Returns yuan, or undefined when the text is not an amount.
 */
export function parseAmount(text: string): number | undefined {
  const t = toHalfWidth(text).replace(/[\s,，]/gu, '').replace(/^(¥|￥|RMB|人民币)/iu, '').replace(/(元|块)(钱)?$/u, '');
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

/** Full-width digits and punctuation (typed with a Chinese input method) as ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/gu, ' ');
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

export interface FieldError { field: keyof CalcInput; message: string }

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
    const n = k === 'price' || k === 'loan'
      ? parseAmount(v) ?? Number.NaN
      : k === 'loanMonths'
        ? parseLoanMonths(v) ?? Number.NaN
        : Number(toHalfWidth(v).replace(/[,，\s%％]/gu, ''));
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      errors.push({
        field: k,
        message: k === 'price' || k === 'loan'
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
  if (buyDateText !== undefined && buyDate === undefined) errors.push({ field: 'buyDate', message: '购车日期应为真实日期，可以写 2026-03-05、2026年3月5日或3月5日' });
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
      errors.push({ field: 'oldRegistered', message: `旧车注册日期${formatDateZh(first)}还没到${buyDate ? '（晚于购车日期）' : ''}，请核对行驶证上的“注册日期”` });
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
  if (mode && mode !== 'none' && !ownedBeforeCutoff && !has('ownedBeforeCutoff')) errors.push({ field: 'ownedBeforeCutoff', message: '请选择旧车是否在规定日期前登记在您名下' });
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
