/**
 * Policies stay true past their end date: every fact's sentence in every state, periods judged
 * by the build's day and by the visitor's day, next year's facts taking over by date alone, and
 * the calculator's inputs as people type them.
 */
import { readFileSync } from 'node:fs';
import { load as parse } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { factSentence, factTopic, resolveFact, type Confidence, type PolicyFact } from '../../src/lib/policy-facts.ts';
import {
  calculateSubsidy,
  normalizeRegistration,
  ruleSetsFromFacts,
  parseAmount,
  parseCalcQuery,
  registrationRange,
  rulesFromFacts,
  type CalcInput,
} from '../../src/lib/subsidy/index.ts';
import { daysBetween, programmeNotice, shanghaiDate, validityLabel, validityState } from '../../src/lib/validity.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { policyFactSchema } from '../../src/schemas/policy.ts';
import { loadFacts } from '../helpers/content.ts';

const facts = loadFacts();
const fixture2027 = (parse(readFileSync('tests/fixtures/policies/facts-2027.yaml', 'utf8')) as unknown[]).map(
  (f) => policyFactSchema(plainRef).parse(f) as PolicyFact,
);

describe('validity of a period, day by day (Asia/Shanghai)', () => {
  const window = { from: '2026-01-01', to: '2026-12-31' };
  it.each([
    ['2025-12-31', 'upcoming', '2026年1月1日起施行'],
    ['2026-01-01', 'active', '有效期至2026年12月31日'],
    ['2026-11-30', 'active', '有效期至2026年12月31日'],
    ['2026-12-01', 'ending', '即将到期：2026年12月31日到期'],
    ['2026-12-31', 'ending', '即将到期：2026年12月31日到期'],
    ['2027-01-01', 'expired', '已于2026年12月31日到期'],
  ] as const)('%s is %s', (day, state, label) => {
    expect(validityState(window, day)).toBe(state);
    expect(validityLabel(window, day)).toBe(label);
  });

  it('a rule with no end is open, and has no period label', () => {
    expect(validityState({ from: '2024-04-03' }, '2030-01-01')).toBe('open');
    expect(validityLabel({ from: '2024-04-03' }, '2030-01-01')).toBe('');
  });

  it('the day is taken in Shanghai: 23:30 UTC on 31 December is already 1 January there', () => {
    expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
    expect(daysBetween('2026-11-27', '2026-12-31')).toBe(34);
  });

  it('the page notice says where the programme stands, in whole sentences', () => {
    const credit = { subject: '个人消费贷款财政贴息', to: '2026-12-31' };
    expect(programmeNotice(credit, '2026-11-27').text).toBe('个人消费贷款财政贴息有效期至2026年12月31日。');
    expect(programmeNotice(credit, '2026-12-10').text).toBe(
      '即将到期：个人消费贷款财政贴息将于2026年12月31日到期（还有21天）。2027年的政策尚未公布，公布后本站会更新。',
    );
    expect(programmeNotice(credit, '2026-12-31').text).toContain('今天是最后一天');
    const after = programmeNotice(credit, '2027-01-05');
    expect(after.state).toBe('expired');
    expect(after.text).toBe('已到期：个人消费贷款财政贴息已于2026年12月31日到期。2027年的政策尚未公布，公布后本站会更新。');
    expect(after.text).not.toMatch(/申请|受理/u);
    // Once next year's rules are published, the notice says when they start instead.
    expect(programmeNotice({ ...credit, nextFrom: '2027-01-01' }, '2027-01-05').text).toBe(
      '已到期：个人消费贷款财政贴息已于2026年12月31日到期。新一年度的规定自2027年1月1日起施行。',
    );
  });

  it('a subsidy applied for after buying: the purchase window ends, the application window goes on', () => {
    const tradeIn = { subject: '2026年汽车以旧换新补贴', to: '2026-12-31', application: {} };
    expect(programmeNotice(tradeIn, '2026-12-05').parts).toEqual([
      '即将到期：2026年汽车以旧换新补贴将于2026年12月31日到期（还有26天）。',
      '申请截止日尚未公布，买了车请尽早申请。',
      '2027年的政策尚未公布，公布后本站会更新。',
    ]);
    for (const day of ['2027-01-01', '2027-01-05', '2027-02-15']) {
      expect(programmeNotice(tradeIn, day).text).toBe(
        '2026年汽车以旧换新补贴的购车时间已于2026年12月31日结束。在此之前购车的，仍可按2026年的规则申请补贴；申请截止日尚未公布，以官方发布为准，请尽快申请。2027年的政策尚未公布，公布后本站会更新。',
      );
    }
    // Once the deadline is announced: the days left, then that it has passed.
    const announced = { ...tradeIn, application: { by: '2027-01-10' } };
    expect(programmeNotice(announced, '2026-12-20').parts[1]).toBe('在此之前购车的，可在2027年1月10日（含）前提交申请。');
    expect(programmeNotice(announced, '2027-01-05').parts[1]).toBe('在此之前购车的，仍可在2027年1月10日（含）前按2026年的规则申请补贴（还有5天）。');
    expect(programmeNotice(announced, '2027-01-10').parts[1]).toContain('今天是最后一天');
    expect(programmeNotice(announced, '2027-01-11').parts[0]).toBe(
      '已结束：2026年汽车以旧换新补贴的购车时间已于2026年12月31日结束。申请也已于2027年1月10日截止。',
    );
    // Every part is a whole sentence.
    for (const day of ['2026-06-01', '2026-12-05', '2026-12-31', '2027-01-05', '2027-02-15']) {
      for (const w of [tradeIn, announced, { subject: '个人消费贷款财政贴息', to: '2026-12-31' }]) {
        for (const part of programmeNotice(w, day).parts) expect(part).toMatch(/^[^。]+(。[^。]+)*。$/u);
      }
    }
  });
});

describe('every fact reads as a whole sentence in every state', () => {
  const states: { name: string; day: string; confidence?: Confidence }[] = [
    { name: 'confirmed, in force', day: '2026-06-01', confidence: 'A' },
    { name: '待核实', day: '2026-06-01', confidence: 'C' },
    { name: 'ending', day: '2026-12-20' },
    { name: 'expired', day: '2028-06-01' },
    { name: 'not yet in force', day: '2020-01-01' },
  ];
  for (const fact of facts) {
    for (const state of states) {
      it(`${fact.id}: ${state.name}`, () => {
        const f: PolicyFact = state.confidence && fact.value.type !== 'unknown' ? { ...fact, confidence: state.confidence } : fact;
        const text = factSentence(f, state.day);
        // One sentence or several, each ending with 。, none cut off after a preposition.
        expect(text).toMatch(/。$/u);
        expect(text).not.toMatch(/(于|的|为|是|不晚于|不超过|至|从|：)。/u);
        expect(text).not.toContain('{value}');
        expect(text).not.toMatch(/待核实.{0,6}待核实/u);
        expect(text).not.toContain('undefined');
        if (f.value.type === 'unknown') expect(text).toContain('本站尚未查到');
        if (f.value.type !== 'unknown' && (f.confidence === 'C' || f.confidence === 'D')) expect(text).toContain('（待核实，以官方发布为准）');
        if (f.to && state.day > f.to) expect(text).toContain(`到期`);
      });
    }
  }

  it('a replaced older version says so instead of "expired"', () => {
    const old = facts.find((f) => f.id === 'tradein-scrap-nev')!;
    expect(factSentence(old, '2027-06-01', { superseded: true })).toMatch(/已被新的规定取代，仅供对照。$/u);
    expect(factSentence(old, '2027-06-01', { superseded: true, state: false })).toMatch(/已被新的规定取代，仅供对照。$/u);
    expect(factSentence(old, '2027-06-01', { state: false })).not.toContain('到期');
  });
});

describe('next year is content only: a 2027 fact takes over by date', () => {
  const withNext = [...facts, ...fixture2027];
  it('pages and the calculator pick the version in force on the day', () => {
    expect(resolveFact(withNext, 'tradein-scrap-nev', '2026-06-01')?.id).toBe('tradein-scrap-nev');
    expect(resolveFact(withNext, 'tradein-scrap-nev', '2027-03-01')?.id).toBe('tradein-scrap-nev-2027');
    // After both ended, the latest one is shown (as ended), not the first.
    expect(resolveFact(withNext, 'tradein-scrap-nev', '2028-03-01')?.id).toBe('tradein-scrap-nev-2027');
    expect(factTopic(fixture2027[0]!)).toBe('tradein-scrap-nev');
  });

  it('the calculator uses 2027 rates for a 2027 purchase and 2026 rates for a 2026 one', () => {
    const input: CalcInput = { mode: 'scrap', car: 'nev', price: 150_000, oldFuel: 'petrol', oldRegistered: '2012-05-01', ownedBeforeCutoff: 'yes' };
    const in2026 = calculateSubsidy({ ...input, buyDate: '2026-06-01' }, rulesFromFacts(withNext, '2026-06-01'));
    const in2027 = calculateSubsidy({ ...input, buyDate: '2027-03-01' }, rulesFromFacts(withNext, '2027-03-01'));
    expect(in2026.cash).toBe(18_000);
    expect(in2027.cash).toBe(15_000);
    expect(in2027.lines[0]!.facts).toContain('tradein-scrap-nev-2027');
  });

  it('the calculator page carries one rule set per starting day, and only when something changes', () => {
    expect(ruleSetsFromFacts(facts, '2026-11-27').map((r) => r.day)).toEqual(['2026-11-27']);
    expect(ruleSetsFromFacts(withNext, '2026-11-27').map((r) => r.day)).toEqual(['2026-11-27', '2027-01-01']);
  });

  it('the 2026 facts stay as they are: history is kept', () => {
    expect(withNext.filter((f) => factTopic(f) === 'tradein-scrap-nev').map((f) => f.id)).toEqual(['tradein-scrap-nev', 'tradein-scrap-nev-2027']);
  });
});

describe('the calculator refuses dates outside a programme', () => {
  const rules = rulesFromFacts(facts, '2026-11-27');
  const base: CalcInput = { mode: 'scrap', car: 'nev', price: 150_000, oldFuel: 'petrol', oldRegistered: '2012-05-01', ownedBeforeCutoff: 'yes' };
  it('a purchase after the trade-in period ends is not counted, and says why', () => {
    const r = calculateSubsidy({ ...base, buyDate: '2027-01-05' }, rules);
    expect(r.lines[0]!.eligible).toBe(false);
    expect(r.lines[0]!.reasons.join('')).toBe('这一期以旧换新补贴的有效期到2026年12月31日为止；购车日期2027年1月5日已过有效期，本计算器不计算。');
    // What comes next is said once, in the note: who may still apply, and next year's rules.
    expect(r.lines[0]!.notes.join('')).toContain('2027年的政策尚未公布，公布后本站会更新。');
    // The purchase-tax reduction runs to the end of 2027, so it still counts.
    expect(r.lines[1]!.eligible).toBe(true);
    expect(r.cash).toBe(0);
    expect(r.total).toBe(r.taxSaved);
  });
  it('a purchase before the period starts is not counted either', () => {
    expect(calculateSubsidy({ ...base, buyDate: '2025-12-20' }, rules).lines[0]!.reasons[0]).toContain('在此之前，本计算器不计算');
  });
  it('the last day of the period still counts', () => {
    expect(calculateSubsidy({ ...base, buyDate: '2026-12-31' }, rules).lines[0]!.eligible).toBe(true);
  });
  it('the total names cash, tax saved and interest saved separately', () => {
    const r = calculateSubsidy({ ...base, buyDate: '2026-03-05', loan: 100_000, loanMonths: 36, loanRate: 3, loanStart: '2026-03' }, rules);
    expect([r.cash, r.taxSaved, r.interestSaved, r.total]).toEqual([18_000, 6_637, 733, 25_370]);
  });
});

describe('calculator input as people type it', () => {
  it.each([
    ['150000', 150_000],
    ['150,000', 150_000],
    ['15万', 150_000],
    ['15.8万元', 158_000],
    ['１５万', 150_000],
    ['１５８０００', 158_000],
    ['￥150000', 150_000],
    ['15w', 150_000],
    ['15 万', 150_000],
    ['150000元', 150_000],
    ['十五万', 150_000],
    ['二十万元', 200_000],
    ['15万5', undefined],
    ['abc', undefined],
    ['', undefined],
  ])('amount %s -> %s', (text, yuan) => {
    expect(parseAmount(text)).toBe(yuan);
  });

  it.each([
    ['2012', '2012'],
    ['2012年', '2012'],
    ['２０１２', '2012'],
    ['2013-06', '2013-06'],
    ['2013年6月', '2013-06'],
    ['2012-05-01', '2012-05-01'],
    ['2012/5/1', '2012-05-01'],
    ['2013-02-30', undefined],
  ])('registration %s -> %s', (text, value) => {
    expect(normalizeRegistration(text)).toBe(value);
  });

  it('the year alone decides when it can; the month is asked for only when it matters', () => {
    const rules = rulesFromFacts(facts, '2026-11-27');
    const run = (oldRegistered: string) =>
      calculateSubsidy({ mode: 'scrap', car: 'nev', price: 150_000, oldFuel: 'petrol', oldRegistered, ownedBeforeCutoff: 'yes', buyDate: '2026-11-27' }, rules)
        .lines[0]!;
    expect(run('2012').eligible).toBe(true);
    expect(run('2014').eligible).toBe(false);
    expect(run('2014').reasons[0]).toContain('注册于2014年，晚于2013年6月30日');
    const ask = run('2013');
    expect(ask.eligible).toBe(false);
    expect(ask.reasons[0]).toBe('汽油车要在2013年6月30日及以前注册才能报废更新；只知道注册于2013年，还判断不了。');
    expect(ask.fixes[0]).toContain('请把注册日期填到月份，例如 2013-06');
    expect(run('2013-06').eligible).toBe(true);
    expect(run('2013-07').eligible).toBe(false);
    expect(registrationRange('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  });

  it('refuses a registration in the future or before 1990, and a loan larger than the car', () => {
    const q = (s: string) => parseCalcQuery(new URLSearchParams(s), '2026-11-27').errors.map((e) => e.message);
    expect(q('mode=scrap&car=nev&price=15万&oldFuel=petrol&oldRegistered=2027-03-01&ownedBeforeCutoff=yes')).toEqual([
      '旧车注册日期2027年3月1日还没到，请核对行驶证上的“注册日期”',
    ]);
    expect(q('mode=scrap&car=nev&price=15万&oldFuel=petrol&oldRegistered=1985&ownedBeforeCutoff=yes')).toEqual([
      '旧车注册日期早于1990年，请核对行驶证上的“注册日期”',
    ]);
    expect(q('mode=none&car=nev&price=15万&loan=20万&loanMonths=36&loanRate=3&loanStart=2026-03')).toEqual([
      '贷款金额不能超过车价：本计算器只估算买车用的贷款',
    ]);
    const ok = parseCalcQuery(new URLSearchParams('mode=replace&car=nev&price=15.8万元&ownedBeforeCutoff=yes&buyDate=２０２６-１２-０５'), '2026-11-27');
    expect(ok.errors).toEqual([]);
    expect(ok.input).toMatchObject({ price: 158_000, buyDate: '2026-12-05' });
  });
});
