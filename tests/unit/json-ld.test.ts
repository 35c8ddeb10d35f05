import { describe, expect, it } from 'vitest';
import { financialIncentives, serializeJsonLd } from '../../src/lib/json-ld.ts';
import { loadDocuments, loadFacts } from '../helpers/content.ts';

describe('JSON-LD', () => {
  it('no string can close the script element, and it parses back unchanged', () => {
    const data = { name: '车展</script><script>alert(1)</script> & <!-- x -->\u2028' };
    const out = serializeJsonLd(data);
    expect(out).not.toMatch(/<|>/u);
    expect(JSON.parse(out)).toEqual(data);
  });

  it('describes the four confirmed trade-in subsidies and the tax cut as FinancialIncentive', () => {
    const items = financialIncentives(loadFacts(), loadDocuments()) as {
      name: string;
      incentiveType: string;
      incentiveAmount: { value: number; maxValue: number };
    }[];
    expect(items.map((i) => [i.incentiveAmount.value, i.incentiveAmount.maxValue])).toEqual([
      [12, 20000],
      [10, 15000],
      [8, 15000],
      [6, 13000],
      [50, 15000],
    ]);
    expect(items.at(-1)?.incentiveType).toBe('https://schema.org/IncentiveTypeTaxWaiver');
  });
});
