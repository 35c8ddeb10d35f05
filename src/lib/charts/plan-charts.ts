/**
 * Every chart of the plan page (and each city's progress chart) as data: the finding in words,
 * the scenes for phone and wide screens, and the table with the same numbers. Pages and the
 * /data/charts/ files call these and only place the result. Pure.
 */
import { MONTHS } from '../plan/table.ts';
import { completionRate, formatRate, plannedOf, sumTallies, yearToDate, type Tally } from '../plan/progress.ts';
import { horizontalBars, verticalBars, type BarGroup } from './bars.ts';
import { heatmap, heatmapBuckets } from './heatmap.ts';
import { frameScene, sceneToSvg, seriesItem, type LegendItem } from './scene.ts';
import { bucketOf, type Bucket } from './colors.ts';
import { tileBuckets, tileMap } from './tile-map.ts';
import { type ChartContext, type ChartSpec, leaders, monthLabel, n, planSource, progressSource, trailers } from './chart-spec.ts';
import { cityPath, monthPath } from '../paths.ts';

export type { ChartContext, ChartSpec, ChartTable } from './chart-spec.ts';

/** 市级 and 县区 planned per city, most first. */
export function planByCity(c: ChartContext): ChartSpec {
  const rows = c.plan.rows
    .map((r, i) => ({ key: r.city, label: r.label, city: r.reconciled.total.city, county: r.reconciled.total.county, order: i }))
    .sort((a, b) => b.city + b.county - (a.city + a.county) || a.order - b.order);
  const county = leaders(
    rows,
    (r) => r.county,
    (r) => r.label,
  );
  const city = leaders(
    rows,
    (r) => r.city,
    (r) => r.label,
  );
  const groups: BarGroup[] = rows.map((r) => ({
    key: r.key,
    label: r.label,
    note: `共${r.city + r.county}`,
    bars: [
      { parts: [{ value: r.city, series: 'city' }], label: n(r.city) },
      { parts: [{ value: r.county, series: 'county' }], label: n(r.county) },
    ],
  }));
  const legend = [seriesItem('city', '市级活动'), seriesItem('county', '县区活动')];
  const sum = (k: 'city' | 'county') => rows.reduce((s, r) => s + r[k], 0);
  return {
    id: 'plan-by-city',
    heading: `县区活动计划最多的是${county.names}，${county.value}场；市级活动最多的是${city.names}，${city.value}场`,
    title: `${c.plan.year}年各设区市计划活动场次（市级、县区），按合计从多到少`,
    desc: `每市两条横条：市级、县区，条尾是场次，按合计从多到少排列；最多的${rows[0]!.label}共${rows[0]!.city + rows[0]!.county}场，最少的${rows.at(-1)!.label}共${rows.at(-1)!.city + rows.at(-1)!.county}场。各市数字见图下的表。`,
    demo: false,
    narrow: horizontalBars({ groups, legend }, 340),
    table: {
      caption: `${c.plan.year}年各设区市计划活动场次（单位：场）`,
      columns: ['设区市', '市级', '县区', '合计'],
      rows: rows.map((r) => ({ key: r.key, header: r.label, href: cityPath(r.key), cells: [n(r.city), n(r.county), n(r.city + r.county)] })),
      foot: { header: '全省', cells: [n(sum('city')), n(sum('county')), n(sum('city') + sum('county'))] },
    },
    source: planSource(c),
  };
}

/** The province's plan across the year, 市级 and 县区 side by side. */
export function planByMonth(c: ChartContext): ChartSpec {
  const months = c.plan.total.months.map((m, i) => ({ key: `m${i + 1}`, label: monthLabel(i), city: m.city, county: m.county, total: m.city + m.county }));
  const most = leaders(
    months,
    (m) => m.total,
    (m) => m.label,
  );
  const least = trailers(
    months,
    (m) => m.total,
    (m) => m.label,
  );
  const groups: BarGroup[] = months.map((m) => ({
    key: m.key,
    label: m.label,
    note: `共${m.total}`,
    bars: [
      { parts: [{ value: m.city, series: 'city' }], label: n(m.city) },
      { parts: [{ value: m.county, series: 'county' }], label: n(m.county) },
    ],
  }));
  const legend = [seriesItem('city', '市级活动'), seriesItem('county', '县区活动')];
  const sum = (k: 'city' | 'county') => months.reduce((s, m) => s + m[k], 0);
  return {
    id: 'plan-by-month',
    heading: `全省${most.names}计划最多，${most.value}场；${least.names}最少，${least.value}场`,
    title: `${c.plan.year}年全省每月计划活动场次（市级、县区）`,
    desc: `每月两条：市级、县区，条尾是场次。全年市级${sum('city')}场、县区${sum('county')}场。各月数字见图下的表。`,
    demo: false,
    narrow: horizontalBars({ groups, legend }, 340),
    wide: verticalBars({ groups, legend }, 640),
    table: {
      caption: `${c.plan.year}年全省每月计划活动场次（单位：场）`,
      columns: ['月份', '市级', '县区', '合计'],
      rows: months.map((m) => ({ key: m.key, header: m.label, cells: [n(m.city), n(m.county), n(m.total)] })),
      foot: { header: '全年', cells: [n(sum('city')), n(sum('county')), n(sum('city') + sum('county'))] },
    },
    source: planSource(c),
  };
}

/** Planned events (市级 + 县区) of every city in every month. */
export function planHeatmap(c: ChartContext): ChartSpec {
  const rows = c.plan.rows.map((r) => ({ key: r.city, label: r.label, values: r.reconciled.months.map((m) => m.city + m.county) }));
  const cells = rows.flatMap((r) => r.values.map((v, i) => ({ name: `${r.label}${monthLabel(i)}`, v })));
  const top = leaders(
    cells,
    (x) => x.v,
    (x) => x.name,
  );
  const zeros = cells.filter((x) => x.v === 0).length;
  const input = { rows, columns: MONTHS.map(String), columnTitle: '月份' };
  const buckets = heatmapBuckets(input);
  return {
    id: 'plan-heatmap',
    heading: `计划最集中的是${top.names}，${top.value}场` + (zeros > 0 ? `；${cells.length}个“市·月”中有${zeros}个没有安排活动` : ''),
    title: `${c.plan.year}年各设区市每月计划活动场次（市级与县区合计）`,
    desc: `每行一个市，每列一个月，颜色越深场次越多（分为${buckets.map((b) => b.label).join('、')}场几档），每格都写有场次。数字见图下的表。`,
    demo: false,
    narrow: heatmap(input, 320),
    table: {
      caption: `${c.plan.year}年各设区市每月计划活动场次，市级与县区合计（单位：场）`,
      columns: ['设区市', ...MONTHS.map((m) => `${m}月`), '全年'],
      rows: rows.map((r) => ({ key: r.key, header: r.label, href: cityPath(r.key), cells: [...r.values.map(n), n(r.values.reduce((a, b) => a + b, 0))] })),
      foot: {
        header: '全省',
        cells: [...MONTHS.map((_, i) => n(rows.reduce((s, r) => s + r.values[i]!, 0))), n(rows.reduce((s, r) => s + r.values.reduce((a, b) => a + b, 0), 0))],
      },
    },
    source: planSource(c),
  };
}

/** The 13 cities as tiles in their rough places, coloured by the year's plan. */
export function planTiles(c: ChartContext): ChartSpec {
  const tiles = c.plan.rows.map((r) => ({ key: r.city, label: r.label, value: r.reconciled.total.city + r.reconciled.total.county }));
  const buckets: Bucket[] = tileBuckets(tiles);
  const topBucket = buckets[buckets.length - 1]!;
  const top = tiles.filter((t) => bucketOf(t.value, buckets) === topBucket);
  const rest = tiles.filter((t) => !top.includes(t));
  const lo = Math.min(...rest.map((t) => t.value));
  const hi = Math.max(...rest.map((t) => t.value));
  const heading =
    rest.length === 0
      ? `各市全年计划都在${topBucket.from}场以上`
      : `${top.map((t) => t.label).join('、')}全年计划在${topBucket.from}场以上，其余${rest.length}个市在${lo === hi ? lo : `${lo}—${hi}`}场`;
  return {
    id: 'plan-tiles',
    heading,
    title: `${c.plan.year}年各设区市全年计划活动场次（示意方块图，一市一格，大致按地理位置排列，不是地图）`,
    desc:
      `颜色越深场次越多（分为${buckets.map((b) => b.label).join('、')}场几档），每格写有市名和场次。` +
      tiles.map((t) => `${t.label}${t.value}场`).join('，') +
      '。',
    demo: false,
    narrow: tileMap(tiles),
    table: {
      caption: `${c.plan.year}年各设区市全年计划活动场次（市级与县区合计）与颜色分档`,
      columns: ['设区市', '全年计划（场）', '分档（场）'],
      rows: tiles.map((t) => ({ key: t.key, header: t.label, href: cityPath(t.key), cells: [n(t.value), bucketOf(t.value, buckets).label] })),
    },
    source: planSource(c),
  };
}

const progressLegend = (demo: boolean): LegendItem[] => [
  seriesItem('plan', '计划'),
  seriesItem('held', '已举办', demo),
  seriesItem('pending', '已发布未举办', demo),
];

function progressBars(t: Tally): BarGroup['bars'] {
  return [
    { parts: [{ value: plannedOf(t), series: 'plan' }], label: n(plannedOf(t)) },
    {
      parts: [
        { value: t.held, series: 'held' },
        { value: t.published - t.held, series: 'pending' },
      ],
      label: n(t.published),
    },
  ];
}

const progressColumns = ['计划', '已发布', '已举办', '延期', '取消', '完成率'];
const progressCells = (t: Tally) => [n(plannedOf(t)), n(t.published), n(t.held), n(t.postponed), n(t.cancelled), formatRate(completionRate(t))];

function monthsProgress(c: ChartContext, id: string, who: string, months: readonly Tally[]): ChartSpec {
  const M = c.grid.referenceMonth;
  const ytd = yearToDate(months, M);
  const demo = sumTallies(months).demo > 0;
  const groups: BarGroup[] = months.map((t, i) => ({
    key: c.grid.months[i]!,
    label: monthLabel(i),
    bars: progressBars(t),
    note: i < M ? formatRate(completionRate(t)) : undefined,
  }));
  const legend = progressLegend(demo);
  const total = sumTallies(months);
  return {
    id,
    heading: `截至${M}月，${who}计划${plannedOf(ytd)}场，已发布${ytd.published}场，已举办${ytd.held}场，完成${formatRate(completionRate(ytd))}`,
    title: `${c.grid.year}年${who}每月计划与已发布、已举办活动场次`,
    desc:
      `每月两条：计划，和已发布（其中实心部分为已举办），条尾是场次；完成率为已举办除以计划，只计到${M}月。全年计划${plannedOf(total)}场、已发布${total.published}场。` +
      (demo ? '已发布和已举办含示例数据。' : '') +
      '各月数字见图下的表。',
    demo,
    narrow: horizontalBars({ groups, legend, noteTitle: '完成率' }, 340),
    wide: verticalBars({ groups, legend }, 640),
    table: {
      caption: `${c.grid.year}年${who}每月计划与进展（单位：场；截至${c.grid.asOf}）`,
      columns: ['月份', ...progressColumns],
      rows: months.map((t, i) => ({ key: c.grid.months[i]!, header: monthLabel(i), href: monthPath(c.grid.months[i]!), cells: progressCells(t) })),
      foot: { header: `全年`, cells: progressCells(total) },
    },
    source: progressSource(c),
  };
}

/** The province month by month: plan, published, held, completion. */
export function progressByMonth(c: ChartContext): ChartSpec {
  return monthsProgress(c, 'progress-by-month', '全省', c.grid.province.months);
}

/** One city month by month, for its own page. */
export function cityProgress(c: ChartContext, city: string): ChartSpec {
  const row = c.grid.cities.find((x) => x.city === city);
  if (!row) throw new Error(`计划表中没有 ${city}`);
  return monthsProgress(c, `city-${city}`, row.label, row.months);
}

/** Each city's plan to date against what it has published and held; best completion first. */
export function progressByCity(c: ChartContext): ChartSpec {
  const M = c.grid.referenceMonth;
  const rows = c.grid.cities
    .map((x, order) => ({ key: x.city, label: x.label, t: yearToDate(x.months, M), order }))
    .map((r) => ({ ...r, rate: completionRate(r.t) }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.order - b.order);
  const demo = rows.some((r) => r.t.demo > 0);
  const best = leaders(
    rows.filter((r) => r.rate !== null),
    (r) => r.rate!,
    (r) => r.label,
  );
  const none = rows.filter((r) => r.t.held === 0 && plannedOf(r.t) > 0);
  const heading = rows.every((r) => r.t.held === 0)
    ? `截至${M}月，各市还没有已举办的活动`
    : `截至${M}月，完成率最高的是${best.names}（${formatRate(best.value)}）` + (none.length > 0 ? `；${none.length}个市还没有已举办的活动` : '');
  const total = sumTallies(rows.map((r) => r.t));
  return {
    id: 'progress-by-city',
    heading,
    title: `${c.grid.year}年1—${M}月各设区市计划与已发布、已举办活动场次，按完成率从高到低`,
    desc:
      `每市两条：1—${M}月计划，和已发布（其中实心部分为已举办），条尾是场次，右侧是完成率（已举办除以计划），按完成率从高到低排列。` +
      (demo ? '已发布和已举办含示例数据。' : '') +
      '各市数字见图下的表。',
    demo,
    narrow: horizontalBars(
      {
        groups: rows.map((r) => ({ key: r.key, label: r.label, bars: progressBars(r.t), note: formatRate(r.rate) })),
        legend: progressLegend(demo),
        noteTitle: '完成率',
      },
      340,
    ),
    table: {
      caption: `${c.grid.year}年1—${M}月各设区市计划与进展（单位：场；截至${c.grid.asOf}）`,
      columns: ['设区市', ...progressColumns],
      rows: rows.map((r) => ({ key: r.key, header: r.label, href: cityPath(r.key), cells: progressCells(r.t) })),
      foot: { header: '全省', cells: progressCells(total) },
    },
    source: progressSource(c),
  };
}

/** The notice's targets (省级 ≥100, 市县 ≥220) against the plan and what is published this year. */
export function targetsChart(c: ChartContext): ChartSpec {
  const demo = c.targets.some((t) => t.demo > 0);
  const city = c.targets.find((t) => t.key === 'cityCounty')!;
  const prov = c.targets.find((t) => t.key === 'provincial')!;
  const planned = city.planned ?? 0;
  const cityPart =
    planned >= city.target
      ? `市县全年计划${planned}场，是通知目标（不少于${city.target}场）的${(planned / city.target).toFixed(1)}倍`
      : `市县全年计划${planned}场，比通知目标（不少于${city.target}场）少${city.target - planned}场`;
  const groups: BarGroup[] = c.targets.map((t) => ({
    key: t.key,
    label: t.label,
    target: t.target,
    note: `目标≥${t.target}`,
    bars: [
      ...(t.planned === null ? [] : [{ parts: [{ value: t.planned, series: 'plan' as const }], label: n(t.planned) }]),
      {
        parts: [
          { value: t.held, series: 'held' as const },
          { value: t.published - t.held, series: 'pending' as const },
        ],
        label: n(t.published),
      },
    ],
  }));
  return {
    id: 'targets',
    heading: `${cityPart}；省级层面已发布${prov.published}场，目标不少于${prov.target}场`,
    title: `${c.grid.year}年通知目标与计划、已发布活动场次`,
    desc:
      `虚线为${c.docNumber}第三条的目标。` +
      c.targets
        .map(
          (t) =>
            `${t.label}：目标不少于${t.target}场，${t.planned === null ? '计划表不含省级活动' : `计划${t.planned}场`}，已发布${t.published}场，已举办${t.held}场`,
        )
        .join('；') +
      '。' +
      (demo ? '已发布和已举办含示例数据。' : ''),
    demo,
    narrow: horizontalBars({ groups, legend: [...progressLegend(demo), { swatch: { fill: '#ffffff' }, label: '通知目标', line: true }] }, 340),
    table: {
      caption: `${c.grid.year}年通知目标与进展（单位：场；截至${c.grid.asOf}）`,
      columns: ['层级', '通知目标', '计划', '已发布', '已举办', '已发布占目标'],
      rows: c.targets.map((t) => ({
        key: t.key,
        header: t.label,
        cells: [`不少于${t.target}`, t.planned === null ? '计划表不含' : n(t.planned), n(t.published), n(t.held), formatRate(t.published / t.target)],
      })),
    },
    source: `目标：${c.docNumber}第三条；计划：${c.docNumber}附件；已发布、已举办：本站发布的活动，截至${c.grid.asOf}`,
  };
}

/** The plan page's charts, in page order. */
export function planPageCharts(c: ChartContext): ChartSpec[] {
  return [planByCity(c), planByMonth(c), planHeatmap(c), planTiles(c), targetsChart(c), progressByMonth(c), progressByCity(c)];
}

/**
 * The chart as a standalone SVG document: its finding as the title, the wide layout when there
 * is one, and a source line naming the document and the page, so the file can be cited alone.
 * Headings carry no demo words; `demo` puts a visible 示例 badge beside the title instead.
 */
export function chartFileSvg(spec: ChartSpec, cite: { siteName: string; url: string }): string {
  const scene = frameScene(spec.wide ?? spec.narrow, {
    title: spec.heading,
    subtitle: spec.title,
    source: `来源：${spec.source}。${cite.siteName}整理，${cite.url}`,
    demo: spec.demo,
  });
  return sceneToSvg(scene, { id: spec.id, title: spec.heading, desc: `${spec.title}。${spec.desc}` });
}
