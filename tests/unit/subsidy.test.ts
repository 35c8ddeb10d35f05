import { describe, expect, it } from 'vitest';
import {
  calculateSubsidy,
  normalizeDate,
  normalizeMonth,
  normalizePurchaseDate,
  parseAmount,
  parseCalcQuery,
  parseChineseNumber,
  parseLoanMonths,
  rulesFromFacts,
  carLabels,
  toCalcQuery,
  toWholeYuan,
  type CalcInput,
} from '../../src/lib/subsidy/index.ts';
import { loadFacts } from '../helpers/content.ts';

const rules = rulesFromFacts(loadFacts(), '2026-06-01');
const base: CalcInput = { mode: 'scrap', car: 'nev', price: 150_000, oldFuel: 'petrol', oldRegistered: '2012-05-01', ownedBeforeCutoff: 'yes' };
const run = (over: Partial<CalcInput>) => {
  const r = calculateSubsidy({ ...base, ...over }, rules);
  const by = Object.fromEntries(r.lines.map((l) => [l.key, l]));
  return { ...r, tradeIn: by['trade-in']!, tax: by['purchase-tax']!, interest: by['interest']! };
};

describe('trade-in subsidy: rates and caps', () => {
  it.each([
    // mode, car, price, expected whole yuan
    ['scrap', 'nev', 150_000, 18_000],
    ['scrap', 'nev', 100_000, 12_000],
    ['scrap', 'nev', 300_000, 20_000],
    // Rounded up to the whole yuan (tradein-rounding), never above the cap.
    ['scrap', 'nev', 166_666, 20_000],
    ['scrap', 'nev', 105_337, 12_641],
    ['scrap', 'nev', 166_667, 20_000],
    ['scrap', 'ice-small', 120_000, 12_000],
    ['scrap', 'ice-small', 150_000, 15_000],
    ['scrap', 'ice-small', 149_999, 15_000],
    ['scrap', 'ice-small', 200_000, 15_000],
    ['replace', 'nev', 150_000, 12_000],
    ['replace', 'nev', 187_500, 15_000],
    ['replace', 'nev', 187_499, 15_000],
    ['replace', 'ice-small', 216_666, 13_000],
    ['replace', 'ice-small', 216_667, 13_000],
    ['replace', 'ice-small', 100_000, 6_000],
  ] as const)('%s + %s at %i yuan -> %d', (mode, car, price, amount) => {
    const { tradeIn } = run({ mode, car, price });
    expect(tradeIn.eligible).toBe(true);
    expect(tradeIn.amount).toBe(amount);
    expect(tradeIn.value).toBe(toWholeYuan(amount));
  });

  it('shows the arithmetic and the cap step', () => {
    expect(run({ price: 300_000 }).tradeIn.steps).toEqual([
      '报废旧车、买新能源乘用车（在减免购置税目录内）：补贴车价的12%，最高2万元。',
      '300,000元 × 12% = 36,000元',
      '超过封顶2万元，按2万元计。',
    ]);
  });
});

describe('trade-in subsidy: who qualifies', () => {
  it.each([
    ['petrol', '2013-06-30', true],
    ['petrol', '2013-07-01', false],
    ['diesel', '2015-06-30', true],
    ['diesel', '2015-07-01', false],
    ['nev', '2019-12-31', true],
    ['nev', '2020-01-01', false],
  ] as const)('scrapping a %s car registered %s: eligible %s', (oldFuel, oldRegistered, eligible) => {
    const { tradeIn } = run({ oldFuel, oldRegistered });
    expect(tradeIn.eligible).toBe(eligible);
    if (!eligible) {
      expect(tradeIn.reasons[0]).toContain('还不符合报废更新的条件');
      expect(tradeIn.fixes[0]).toContain('置换更新');
    }
  });

  it('replacement does not look at the registration date', () => {
    expect(run({ mode: 'replace', oldRegistered: '2024-01-01' }).tradeIn.eligible).toBe(true);
  });

  it('a car over 2.0 L gets no trade-in subsidy and no tax cut', () => {
    const r = run({ car: 'ice-large' });
    expect(r.tradeIn.eligible).toBe(false);
    // The rule's own sentence from the facts, not a copy typed into the calculator.
    expect(r.tradeIn.reasons).toEqual(['可以享受以旧换新补贴的燃油乘用车，排量不超过2.0升。']);
    expect(r.tradeIn.fixes).toEqual(['改买新能源乘用车，或排量在2.0升及以下的燃油车。']);
    expect(r.tax.eligible).toBe(false);
    expect(r.total).toBe(0);
  });

  it('takes the displacement limit, the NEV-to-fuel rule and the papers rule from the facts', () => {
    const facts = loadFacts().map((f) =>
      f.id === 'tradein-ice-displacement' ? { ...f, value: { type: 'quantity' as const, amount: 1.6, unit: '升', decimals: 1 } } : f,
    );
    const changed = rulesFromFacts(facts, '2026-06-01');
    expect(carLabels(changed)['ice-small']).toBe('1.6升及以下燃油车');
    const r = calculateSubsidy({ ...base, car: 'ice-large' }, changed);
    expect(r.lines.find((l) => l.key === 'trade-in')!.reasons).toEqual(['可以享受以旧换新补贴的燃油乘用车，排量不超过1.6升。']);
    const scrap = calculateSubsidy({ ...base }, rules).lines.find((l) => l.key === 'trade-in')!;
    expect(scrap.assumptions.join('')).toContain('须在2026年1月1日及以后取得');
  });

  it('scrapping an NEV to buy a petrol car gets nothing', () => {
    const r = run({ oldFuel: 'nev', oldRegistered: '2018-01-01', car: 'ice-small' });
    expect(r.tradeIn.eligible).toBe(false);
    expect(r.tradeIn.reasons).toEqual(['报废新能源车后改买燃油车，不予补贴。']);
  });

  it('a car not registered to the buyer by the cut-off (the day itself counts) does not qualify, and says so when the rule is unconfirmed', () => {
    const r = run({ ownedBeforeCutoff: 'no' });
    expect(r.tradeIn.eligible).toBe(false);
    const date = rules.ownedBefore.date;
    const zh = `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`;
    expect(r.tradeIn.reasons[0]).toBe(
      `旧车须在${zh}（含当日）或更早登记在您本人名下${rules.ownedBefore.confirmed ? '' : '（这一条尚待官方原文核实）'}；您选择了“否”。`,
    );
    const unconfirmed = rulesFromFacts(
      loadFacts().map((f) => (f.id === 'tradein-owned-before' ? { ...f, confidence: 'C' as const } : f)),
      '2026-06-01',
    );
    expect(calculateSubsidy({ ...base, ownedBeforeCutoff: 'no' }, unconfirmed).lines[0]!.reasons[0]).toContain('（这一条尚待官方原文核实）');
  });

  it('after the purchase window, a purchase inside it is still counted and the reader is told they may still apply', () => {
    const inside = calculateSubsidy({ ...base, buyDate: '2026-12-20' }, rulesFromFacts(loadFacts(), '2026-12-20'), '2027-01-05').lines[0]!;
    expect(inside.eligible).toBe(true);
    expect(inside.notes.join('')).toMatch(/购车时间已于2026年12月31日结束。在此之前购车的，仍可按2026年的规则申请补贴/u);
    const sameDay = calculateSubsidy({ ...base, buyDate: '2026-12-20' }, rulesFromFacts(loadFacts(), '2026-12-20'), '2026-12-20').lines[0]!;
    expect(sameDay.notes).toEqual([]);
    const after = calculateSubsidy({ ...base, buyDate: '2027-01-05' }, rulesFromFacts(loadFacts(), '2027-01-05'), '2027-01-05').lines[0]!;
    expect(after.eligible).toBe(false);
    expect(after.fixes.join('')).toContain('请在“购车日期”里填写实际日期');
    expect(after.notes.join('')).toContain('仍可按2026年的规则申请补贴');
  });

  it('no old car: no trade-in subsidy, but the NEV tax cut still applies', () => {
    const r = run({ mode: 'none', oldFuel: undefined, oldRegistered: undefined, ownedBeforeCutoff: undefined });
    expect(r.tradeIn.eligible).toBe(false);
    expect(r.tax.eligible).toBe(true);
    expect(r.total).toBe(6_637);
  });
});

describe('NEV purchase tax', () => {
  it.each([
    [150_000, 6_637.17],
    [100_000, 4_424.78],
    [300_000, 13_274.34],
    [338_999, 14_999.96],
    [339_000, 15_000],
    [400_000, 15_000],
  ] as const)('at %i yuan saves %d', (price, saved) => {
    const { tax } = run({ price });
    expect(tax.eligible).toBe(true);
    expect(tax.amount).toBe(saved);
  });

  it('shows the steps for 150,000', () => {
    expect(run({}).tax.steps).toEqual([
      '不含增值税的车价：150,000元 ÷ 1.13 = 132,743.36元',
      '全额购置税：132,743.36元 × 10% = 13,274.34元',
      '减征50%：13,274.34元 × 50% = 6,637.17元',
      '未超过每辆1.5万元的上限；实缴6,637.17元。',
    ]);
  });

  it('petrol cars pay the full tax, and the page says how much', () => {
    const { tax } = run({ car: 'ice-small', price: 120_000 });
    expect(tax.eligible).toBe(false);
    expect(tax.reasons[0]).toContain('约10,619.47元');
  });
});

describe('consumer-loan interest subsidy', () => {
  const loan = { loan: 100_000, loanMonths: 36, loanRate: 3 };
  it('matches the worked example: January 2026 start, 12 months -> 852.58', () => {
    const { interest } = run({ ...loan, loanStart: '2026-01' });
    expect(interest.amount).toBe(852.58);
    expect(interest.value).toBe(853);
  });
  it('March start: 10 months -> 732.99', () => {
    expect(run({ ...loan, loanStart: '2026-03' }).interest.amount).toBe(732.99);
  });
  it('a rate under 2% is subsidised at half the rate', () => {
    const r = run({ ...loan, loanRate: 1.6, loanStart: '2026-01' });
    expect(r.interest.steps[1]).toBe('贴息按1个百分点，但不超过合同利率的50%：1.6% × 50% = 0.8个百分点。');
    const full = run({ ...loan, loanRate: 2, loanStart: '2026-01' }).interest.amount;
    expect(r.interest.amount).toBeLessThan(full);
  });
  it('caps at 3000 a year', () => {
    const r = run({ loan: 1_000_000, loanMonths: 60, loanRate: 4, loanStart: '2026-01' });
    expect(r.interest.amount).toBe(3000);
    expect(r.interest.steps[3]).toContain('按3000元计');
  });
  it('a loan that starts after the policy ends gets nothing', () => {
    const r = run({ ...loan, loanStart: '2027-01' });
    expect(r.interest.eligible).toBe(false);
    expect(r.interest.reasons[0]).toContain('贴息政策目前只到2026年12月31日');
  });
  it('a 2025 loan counts only its 2026 months, from the balance then', () => {
    const r = run({ ...loan, loanStart: '2025-10' });
    expect(r.interest.eligible).toBe(true);
    expect(r.interest.steps[2]).toContain('2026年1月至2026年12月共12个月');
    expect(r.interest.amount).toBeLessThan(852.58);
    expect(r.interest.assumptions.at(-1)).toContain('只计算2026年的贴息');
  });
  it('a short loan counts only its own months', () => {
    const r = run({ loan: 12_000, loanMonths: 3, loanRate: 3, loanStart: '2026-11' });
    expect(r.interest.steps[2]).toContain('共2个月');
  });
  it('a zero-interest loan gets no subsidy', () => {
    expect(run({ ...loan, loanRate: 0, loanStart: '2026-01' }).interest.eligible).toBe(false);
  });
  it('the combined example adds up: 18,000 + 6,637 + 733 = 25,370', () => {
    const r = run({ ...loan, loanStart: '2026-03' });
    expect(r.lines.map((l) => l.value)).toEqual([18_000, 6_637, 733]);
    expect(r.total).toBe(25_370);
  });
});

describe('URL query', () => {
  it('round-trips an input', () => {
    const input: CalcInput = { ...base, loan: 100_000, loanMonths: 36, loanRate: 3, loanStart: '2026-03' };
    const parsed = parseCalcQuery(new URLSearchParams(toCalcQuery(input)));
    expect(parsed.errors).toEqual([]);
    expect(parsed.input).toEqual(input);
  });
  it('reports every bad field in Chinese', () => {
    const { input, errors } = parseCalcQuery(new URLSearchParams('mode=scrap&car=suv&price=abc&oldRegistered=2013-02-30&loan=5000&loanStart=2026-13'));
    expect(input).toBeUndefined();
    expect(errors).toEqual([
      { field: 'car', message: '新车类型的取值“suv”不对' },
      { field: 'price', message: '车价应在1,000元到1000万元之间，可以写 150000 或 15万' },
      { field: 'oldRegistered', message: '旧车注册日期应为真实日期，格式如 2012-05-01（只知道年份时填 2012）' },
      { field: 'loanStart', message: '放款月份格式应如 2026-03' },
      { field: 'oldFuel', message: '报废更新请选择旧车燃料类型' },
      { field: 'ownedBeforeCutoff', message: '请选择旧车是否在规定日期前登记在您名下' },
      { field: 'loanMonths', message: '请填写贷款期数' },
      { field: 'loanRate', message: '请填写年利率' },
    ]);
  });
});

describe('rules come from the facts', () => {
  it('changing a fact changes the calculation', () => {
    const facts = loadFacts().map((f) => (f.id === 'tradein-scrap-nev' ? { ...f, value: { type: 'percent-cap' as const, percent: 10, cap: 18_000 } } : f));
    const r = calculateSubsidy(base, rulesFromFacts(facts, '2026-06-01'));
    expect(r.lines[0]!.amount).toBe(15_000);
  });
  it('a missing fact is an error, not a silent default', () => {
    expect(() =>
      rulesFromFacts(
        loadFacts().filter((f) => f.id !== 'tax-nev-cap'),
        '2026-06-01',
      ),
    ).toThrow('tax-nev-cap');
  });
});

describe('dates as people type them', () => {
  it.each([
    ['2012-05-01', '2012-05-01'],
    ['2012/5/1', '2012-05-01'],
    ['2012年5月1日', '2012-05-01'],
    ['2012.5.1', '2012-05-01'],
    ['20120501', '2012-05-01'],
    ['2013-02-29', undefined],
    ['2012-13-01', undefined],
    ['五月', undefined],
  ])('%s -> %s', (text, iso) => {
    expect(normalizeDate(text)).toBe(iso);
  });
  it.each([
    ['2026-03', '2026-03'],
    ['2026/3', '2026-03'],
    ['2026年3月', '2026-03'],
    ['202603', '2026-03'],
    ['2026-13', undefined],
  ])('month %s -> %s', (text, ym) => {
    expect(normalizeMonth(text)).toBe(ym);
  });
  it('a shared URL with a typed date is normalised', () => {
    expect(
      parseCalcQuery(new URLSearchParams('mode=scrap&car=nev&price=150000&oldFuel=petrol&oldRegistered=2012%2F5%2F1&ownedBeforeCutoff=yes')).input
        ?.oldRegistered,
    ).toBe('2012-05-01');
  });
});

describe('the calculator reads how people write', () => {
  it('amounts in characters: 十五万, 二十万元, 八万五千, 八万五', () => {
    expect(parseAmount('十五万')).toBe(150_000);
    expect(parseAmount('二十万元')).toBe(200_000);
    expect(parseAmount('八万五千')).toBe(85_000);
    expect(parseAmount('八万五')).toBe(85_000);
    expect(parseAmount('一百二十万')).toBe(1_200_000);
    expect(parseAmount('十十万')).toBeUndefined();
    expect(parseChineseNumber('三十六')).toBe(36);
    expect(parseChineseNumber('三千五')).toBe(3500);
  });

  it('loan terms: 36, 36期, 36个月, 3年, 三年, 三十六期; not 1.3年', () => {
    for (const t of ['36', '36期', '36个月', '3年', '三年', '三十六期', '３年']) expect(parseLoanMonths(t), t).toBe(36);
    expect(parseLoanMonths('1.5年')).toBe(18);
    expect(parseLoanMonths('1.3年')).toBeUndefined();
    const q = parseCalcQuery(
      new URLSearchParams({ mode: 'none', car: 'nev', price: '十五万', loan: '十万', loanMonths: '三年', loanRate: '3', loanStart: '2026-03' }),
      '2026-12-05',
    );
    expect(q.errors).toEqual([]);
    expect(q.input).toMatchObject({ price: 150_000, loan: 100_000, loanMonths: 36 });
  });

  it('purchase days: 2026-12-20, 2026年12月20日, and 12月20日 as the latest such day', () => {
    expect(normalizePurchaseDate('2026年12月20日', '2027-01-05')).toBe('2026-12-20');
    expect(normalizePurchaseDate('12月20日', '2027-01-05')).toBe('2026-12-20');
    expect(normalizePurchaseDate('12月20日', '2026-12-25')).toBe('2026-12-20');
    expect(normalizePurchaseDate('1月3日', '2027-01-05')).toBe('2027-01-03');
    expect(normalizePurchaseDate('2月30日', '2027-03-01')).toBeUndefined();
    const q = parseCalcQuery(new URLSearchParams({ mode: 'replace', car: 'nev', price: '15万', ownedBeforeCutoff: 'yes', buyDate: '12月20日' }), '2027-01-05');
    expect(q.input?.buyDate).toBe('2026-12-20');
  });
});
