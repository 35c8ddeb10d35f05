/**
 * The calculator's arithmetic: trade-in subsidy, NEV purchase-tax reduction and the
 * consumer-loan interest subsidy, each with its steps in words, and the total. Pure and
 * deterministic.
 */
import { formatDateZh, formatInteger } from '../format.ts';
import { formatYuan } from '../policy-facts.ts';
import { programmeNotice } from '../validity.ts';
import { carLabels, type Car, MODE_LABELS, type Mode, OLD_FUEL_LABELS, type OldFuel, type SubsidyRules } from './rules.ts';
import { addMonths, monthsBetween } from '../dates.ts';

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
export interface CalcResult {
  lines: ResultLine[];
  cash: number;
  taxSaved: number;
  interestSaved: number;
  total: number;
}

const money = (n: number) => (Number.isInteger(n) ? formatInteger(n) : formatInteger(Math.trunc(n)) + '.' + n.toFixed(2).split('.')[1]) + '元';
const round2 = (n: number) => Math.round(n * 100) / 100;
/** Whole yuan, half up (the site's convention; the official review decides the real figure). */
export const toWholeYuan = (n: number) => Math.floor(n + 0.5);

function line(key: ResultKey, title: string, partial: Partial<ResultLine>): ResultLine {
  const amount = partial.amount ?? 0;
  return {
    key,
    title,
    eligible: false,
    amount,
    value: toWholeYuan(amount),
    steps: [],
    reasons: [],
    fixes: [],
    assumptions: [],
    notes: [],
    facts: [],
    ...partial,
  };
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
      reasons: [rules.displacement.sentence],
      fixes: [`改买新能源乘用车，或排量在${rules.displacement.text}及以下的燃油车。`],
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
        reasons: [
          `${OLD_FUEL_LABELS[fuel]}要在${formatDateZh(cutoff.date)}及以前注册才能报废更新；只知道注册于${registrationZh(input.oldRegistered)}，还判断不了。`,
        ],
        fixes: [
          `请把注册日期填到${/^\d{4}$/u.test(input.oldRegistered) ? '月份' : '日'}，例如 ${cutoff.date.slice(0, /^\d{4}$/u.test(input.oldRegistered) ? 7 : 10)}（看行驶证上的“注册日期”）。`,
        ],
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
        reasons: [rules.nevScrapToIce.text],
        fixes: ['报废新能源车后买新能源乘用车，可以申请补贴。'],
        facts: [...facts, rules.nevScrapToIce.fact],
      });
    }
  }
  const rule =
    input.mode === 'scrap' ? (input.car === 'nev' ? rules.scrap.nev : rules.scrap.iceSmall) : input.car === 'nev' ? rules.replace.nev : rules.replace.iceSmall;
  facts.push(rule.fact, rules.priceBasis.fact);
  if (rules.rounding.fact) facts.push(rules.rounding.fact);
  const raw = round2((input.price * rule.percent) / 100);
  const rounded = rules.rounding.up ? Math.ceil(raw) : raw;
  const amount = Math.min(rounded, rule.cap);
  const steps = [
    `${MODE_LABELS[input.mode]}、买${carLabels(rules)[input.car]}：补贴车价的${rule.percent}%，最高${formatYuan(rule.cap)}。`,
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
        ? `旧车须交给有资质的报废机动车回收拆解企业。${rules.docsFrom?.text ?? '报废机动车回收证明和机动车注销证明的要求，以官方发布为准。'}`
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
      fixes: [`买列入《减免车辆购置税的新能源汽车车型目录》的新能源乘用车，购置税减征${t.reductionPercent}%，每辆最多减${formatYuan(t.cap)}。`],
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
      half > t.cap
        ? `超过每辆${formatYuan(t.cap)}的上限，按${formatYuan(t.cap)}计；实缴${money(round2(full - t.cap))}。`
        : `未超过每辆${formatYuan(t.cap)}的上限；实缴${money(round2(full - half))}。`,
    ],
    assumptions: [`购车发票开具在${formatDateZh(t.from)}至${formatDateZh(t.to)}之间，车型在减免目录内（购车前请让销售出示）。`],
    facts: t.facts,
  });
}

function interest(input: CalcInput, rules: SubsidyRules): ResultLine {
  const l = rules.loan;
  const title = '消费贷款财政贴息';
  const { loan, loanMonths: n, loanRate: rate, loanStart: start } = input;
  if (!loan || !n || rate === undefined || !start) {
    return line('interest', title, {
      reasons: ['没有填写贷款，不计算贴息。'],
      fixes: ['用经办机构的个人消费贷款买车，可以填写贷款金额、期限、利率和放款月份估算贴息。'],
      facts: l.facts,
    });
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
  const lastYm = addMonths(start, Math.min(n, monthsBetween(start, endYm) + 1) - 1);
  const steps = [
    `等额本息：${money(loan)}，${n}期，年利率${rate}%。`,
    points < l.points
      ? `贴息按${l.points}个百分点，但不超过合同利率的${l.maxSharePercent}%：${rate}% × ${l.maxSharePercent}% = ${round2(points)}个百分点。`
      : `年贴息${l.points}个百分点（不超过合同利率的${l.maxSharePercent}%，即${round2((rate * l.maxSharePercent) / 100)}个百分点）。`,
    `每月贴息 = 当月未还本金 × ${round2(points)}% ÷ 12；${calcFrom.slice(0, 4)}年${Number(calcFrom.slice(5))}月至${lastYm.slice(0, 4)}年${Number(lastYm.slice(5))}月共${months}个月，合计${money(exact)}。`,
    exact > l.annualCap
      ? `超过每人每家机构每年${formatYuan(l.annualCap)}的上限，按${formatYuan(l.annualCap)}计。`
      : `未超过每人每家机构每年${formatYuan(l.annualCap)}的上限。`,
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
  const shown = (key: ResultKey) => {
    const l = lines.find((x) => x.key === key)!;
    return l.eligible ? l.value : 0;
  };
  const cash = shown('trade-in');
  const taxSaved = shown('purchase-tax');
  const interestSaved = shown('interest');
  return { lines, cash, taxSaved, interestSaved, total: cash + taxSaved + interestSaved };
}
