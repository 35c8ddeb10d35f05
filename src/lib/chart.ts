/**
 * Geometry of the plan-versus-published chart, computed at build time with d3-scale so the
 * page ships plain SVG and no chart library. Pure.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { PlanMonthProgress } from './events.ts';

export interface BarChart {
  width: number;
  height: number;
  plot: { top: number; right: number; bottom: number; left: number };
  bars: { month: string; label: string; planned: { x: number; y: number; w: number; h: number; value: number }; published: { x: number; y: number; w: number; h: number; value: number } }[];
  ticks: { y: number; value: number }[];
}

/** Planned (city + county) and published events per month, as rectangles in a fixed viewBox. */
export function progressChart(progress: readonly PlanMonthProgress[], width = 640, height = 260): BarChart {
  const plot = { top: 16, right: 8, bottom: 28, left: 36 };
  const max = Math.max(1, ...progress.map((p) => Math.max(p.planned.city + p.planned.county, p.published)));
  const x = scaleBand<string>().domain(progress.map((p) => p.month)).range([plot.left, width - plot.right]).paddingInner(0.25).paddingOuter(0.1);
  const y = scaleLinear().domain([0, max]).nice(4).range([height - plot.bottom, plot.top]);
  const half = x.bandwidth() / 2;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    width,
    height,
    plot,
    bars: progress.map((p) => {
      const planned = p.planned.city + p.planned.county;
      const x0 = x(p.month) ?? 0;
      return {
        month: p.month,
        label: `${Number(p.month.slice(5))}月`,
        planned: { x: round(x0), y: round(y(planned)), w: round(half), h: round(y(0) - y(planned)), value: planned },
        published: { x: round(x0 + half), y: round(y(p.published)), w: round(half), h: round(y(0) - y(p.published)), value: p.published },
      };
    }),
    ticks: y.ticks(4).map((v) => ({ y: round(y(v)), value: v })),
  };
}
