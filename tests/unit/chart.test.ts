import { describe, expect, it } from 'vitest';
import { progressChart } from '../../src/lib/chart.ts';
import { planProgress } from '../../src/lib/events.ts';
import { loadPlan } from '../helpers/content.ts';

describe('progress chart geometry', () => {
  const chart = progressChart(planProgress(loadPlan(), []));
  it('one pair of bars per month, heights proportional to the values', () => {
    expect(chart.bars).toHaveLength(12);
    const oct = chart.bars.find((b) => b.month === '2026-10')!;
    const jan = chart.bars.find((b) => b.month === '2026-01')!;
    expect(oct.planned.value).toBe(55);
    expect(jan.planned.value).toBe(36);
    expect(oct.planned.h / jan.planned.h).toBeCloseTo(55 / 36, 1);
    expect(chart.bars.every((b) => b.published.h === 0)).toBe(true);
  });
  it('bars stay inside the plot and the axis starts at zero', () => {
    for (const b of chart.bars) {
      expect(b.planned.y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(b.planned.y + b.planned.h).toBeCloseTo(chart.height - chart.plot.bottom, 0);
    }
    expect(chart.ticks[0]!.value).toBe(0);
  });
});
