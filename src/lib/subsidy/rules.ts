/**
 * The calculator's rules, read from the policy facts: every rate, cap, date and cut-off the
 * arithmetic uses comes from content's facts.yaml (rulesFromFacts), never from this code. Pure.
 */
import { factSentence, factTopic, formatFactValue, isConfirmed, resolveFact, type PolicyFact } from '../policy-facts.ts';

export const MODES = ['scrap', 'replace', 'none'] as const;
export const CARS = ['nev', 'ice-small', 'ice-large'] as const;
export const OLD_FUELS = ['petrol', 'diesel', 'nev'] as const;
export type Mode = (typeof MODES)[number];
export type Car = (typeof CARS)[number];
export type OldFuel = (typeof OLD_FUELS)[number];

export const MODE_LABELS: Record<Mode, string> = { scrap: '报废旧车', replace: '卖掉旧车（置换）', none: '没有旧车' };
/** The kinds of car, named with the displacement limit of the rules in force (“2.0升及以下燃油车”). */
export function carLabels(rules: Pick<SubsidyRules, 'displacement'>): Record<Car, string> {
  const d = rules.displacement.text;
  return { nev: '新能源乘用车（在减免购置税目录内）', 'ice-small': `${d}及以下燃油车`, 'ice-large': `${d}以上燃油车` };
}
export const OLD_FUEL_LABELS: Record<OldFuel, string> = { petrol: '汽油车', diesel: '柴油车或其他燃料车', nev: '新能源车' };

interface PercentCap {
  percent: number;
  cap: number;
  fact: string;
}

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
  /** Scrapping a new-energy car and buying a fuel car, as the rule's own sentence. */
  nevScrapToIce: { fact: string; text: string };
  /** The price the percentage applies to, as a whole sentence. */
  priceBasis: { fact: string; text: string };
  /** Whether the subsidy is rounded up to the whole yuan (a fact says so), else half up. */
  rounding: { fact?: string | undefined; up: boolean };
  /** Where people apply for 置换更新, as a whole sentence, when the site knows it. */
  replaceChannel?: { fact: string; text: string } | undefined;
  /** The largest engine a subsidised fuel car may have (“2.0升”), and the rule's own sentence. */
  displacement: { fact: string; text: string; sentence: string };
  /** When the scrapping papers and the new car's invoice must be dated from, as a sentence, when known. */
  docsFrom?: { fact: string; text: string } | undefined;
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
  const loanFacts = ['loan-subsidy-rate', 'loan-subsidy-max-share', 'loan-subsidy-annual-cap', 'loan-subsidy-period-start', 'loan-subsidy-period-end'].map(
    (t) => p.pick(t).id,
  );
  const reduction = p.pick('tax-nev-reduction');
  const scrapNev = p.pick('tradein-scrap-nev');
  const owned = p.pick('tradein-owned-before');
  const basis = p.pick('tradein-price-basis');
  const rounding = p.maybe('tradein-rounding');
  const channel = p.maybe('tradein-jiangsu-replace-channel');
  const deadline = p.maybe('tradein-deadline');
  const nevToIce = p.pick('tradein-nev-scrap-to-ice');
  const displacement = p.pick('tradein-ice-displacement');
  const docsFrom = p.maybe('tradein-docs-from');
  const to = scrapNev.to ?? '';
  const next = facts
    .filter((f) => factTopic(f) === factTopic(scrapNev) && f.from !== undefined && to !== '' && f.from > to)
    .map((f) => f.from!)
    .sort()[0];
  return {
    day,
    tradeIn: { from: scrapNev.from ?? '', to, applyBy: deadline?.value.type === 'date' ? deadline.value.date : undefined, nextFrom: next },
    scrap: { nev: p.percentCap('tradein-scrap-nev'), iceSmall: p.percentCap('tradein-scrap-ice') },
    replace: { nev: p.percentCap('tradein-replace-nev'), iceSmall: p.percentCap('tradein-replace-ice') },
    cutoffs: { petrol: p.date('tradein-cutoff-petrol'), diesel: p.date('tradein-cutoff-diesel'), nev: p.date('tradein-cutoff-nev') },
    ownedBefore: { ...p.date('tradein-owned-before'), confirmed: isConfirmed(owned.confidence) },
    nevScrapToIce: { fact: nevToIce.id, text: factSentence(nevToIce, day, { state: false }) },
    priceBasis: { fact: basis.id, text: factSentence(basis, day, { state: false }) },
    rounding: { fact: rounding?.id, up: rounding?.value.type === 'text' && rounding.value.text.startsWith('向上取整') },
    replaceChannel: channel && channel.value.type !== 'unknown' ? { fact: channel.id, text: factSentence(channel, day, { state: false }) } : undefined,
    displacement: { fact: displacement.id, text: formatFactValue(displacement.value), sentence: factSentence(displacement, day, { state: false }) },
    docsFrom: docsFrom && docsFrom.value.type !== 'unknown' ? { fact: docsFrom.id, text: factSentence(docsFrom, day, { state: false }) } : undefined,
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
    rules.scrap.nev.fact,
    rules.scrap.iceSmall.fact,
    rules.replace.nev.fact,
    rules.replace.iceSmall.fact,
    rules.priceBasis.fact,
    ...(rules.rounding.fact ? [rules.rounding.fact] : []),
    ...(rules.replaceChannel ? [rules.replaceChannel.fact] : []),
    rules.cutoffs.petrol.fact,
    rules.cutoffs.diesel.fact,
    rules.cutoffs.nev.fact,
    rules.ownedBefore.fact,
    rules.displacement.fact,
    rules.nevScrapToIce.fact,
    ...(rules.docsFrom ? [rules.docsFrom.fact] : []),
    ...rules.tax.facts,
    ...rules.loan.facts,
  ];
}
