/** Headline figures of a campaign year, each with where it comes from. Pure. */
import type { NoticeData } from './notice.ts';
import { planTotals, type ReconciledPlan } from './plan/table.ts';

export interface Figure {
  /** Machine-readable key, used by tests and as a data-* hook. */
  key: 'provincial-target' | 'city-county-target' | 'plan-city' | 'plan-county' | 'cities' | 'months';
  value: number;
  /** "≥" for targets, "" for counts. */
  prefix: '≥' | '';
  unit: string;
  label: string;
  source: string;
}

/** The numbers the home page leads with: targets from the notice text, totals from the plan. */
export function campaignFigures(notice: NoticeData, plan: ReconciledPlan): Figure[] {
  const totals = planTotals(plan);
  const attachment = `${notice.docNumber} 附件计划表`;
  return [
    {
      key: 'provincial-target',
      value: notice.targets.provincial.min,
      prefix: '≥',
      unit: '场',
      label: '省级层面全年活动目标',
      source: `${notice.docNumber} 第三条`,
    },
    {
      key: 'city-county-target',
      value: notice.targets.cityCounty.min,
      prefix: '≥',
      unit: '场',
      label: '市县全年活动目标',
      source: `${notice.docNumber} 第三条`,
    },
    { key: 'plan-city', value: totals.city, prefix: '', unit: '场', label: '各市计划市级活动', source: attachment },
    { key: 'plan-county', value: totals.county, prefix: '', unit: '场', label: '各市计划县区活动', source: attachment },
    { key: 'cities', value: totals.cities, prefix: '', unit: '个', label: '参加的设区市', source: attachment },
    { key: 'months', value: totals.months, prefix: '', unit: '个月', label: '有活动安排的月份', source: attachment },
  ];
}
