/**
 * Every open-data file the site publishes, with a data dictionary for each table: what each
 * column means, its type and unit, where the numbers come from. The /data/ page prints it and
 * /data/datapackage.json states it in the Frictionless Data Package format, so a newsroom can
 * load the files with standard tools. Column lists come from the code that writes the files,
 * so the dictionary cannot miss a column. Pure.
 */
import { EVENT_CSV_COLUMNS } from './event-data.ts';
import { EVENT_LEVEL_LABELS, EVENT_STATUS_LABELS, EVENT_TYPE_LABELS } from './event-labels.ts';
import { PLAN_CSV_COLUMNS } from './plan/open-data.ts';
import { SUBMISSION_LABELS } from './plan/progress.ts';
import { REPORT_CSV_COLUMNS } from './plan/report.ts';
import { CONFIDENCE_LABELS } from './policy-facts.ts';
import { POLICY_FACT_CSV_COLUMNS, POLICY_READING } from './policy-open-data.ts';

/** Frictionless field types used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'datetime';

export interface DataField {
  name: string;
  type: FieldType;
  title: string;
  description?: string | undefined;
  unit?: string | undefined;
  format?: string | undefined;
}
type FieldInfo = Omit<DataField, 'name'>;

export interface DataFile {
  /** Frictionless resource name: lower case, digits, '-'. */
  name: string;
  /** Path on the site, starting with /data/. */
  path: string;
  title: string;
  format: 'csv' | 'json' | 'xlsx' | 'svg' | 'png';
  mediatype: string;
  description: string;
  source: string;
  /** Columns of a table; absent for documents and images. */
  fields?: DataField[] | undefined;
  /** Which section of the /data/ page lists it. */
  group: 'plan' | 'events' | 'report' | 'policies' | 'charts' | 'templates';
}

const withNames = <C extends string>(columns: readonly C[], info: Record<C, FieldInfo>): DataField[] => columns.map((name) => ({ name, ...info[name] }));
const labels = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v}`)
    .join('、');
const count = (title: string, description?: string): FieldInfo => ({ type: 'integer', title, unit: '场', description });

/** The plan's long table (plan-<year>.csv). */
export const PLAN_FIELDS = withNames(PLAN_CSV_COLUMNS, {
  city_code: { type: 'string', title: '区划代码', description: '设区市的 6 位行政区划代码（民政部）' },
  city: { type: 'string', title: '设区市' },
  month: { type: 'integer', title: '月份', description: '1—12' },
  city_level: count('市级活动计划场次'),
  county_level: count('县区活动计划场次'),
});

/** The events table (events.csv). */
export const EVENT_FIELDS = withNames(EVENT_CSV_COLUMNS, {
  id: { type: 'string', title: '活动编号', description: '网站上的地址 /events/<编号>/' },
  demo: { type: 'string', title: '示例', description: '“示例”为演示数据，不是真实活动；空为真实活动' },
  title: { type: 'string', title: '活动名称', description: '演示数据以【示例】开头' },
  type: { type: 'string', title: '活动类型', description: labels(EVENT_TYPE_LABELS) },
  level: { type: 'string', title: '活动级别', description: labels(EVENT_LEVEL_LABELS) },
  city_code: { type: 'string', title: '设区市区划代码' },
  city: { type: 'string', title: '设区市' },
  county_code: { type: 'string', title: '县（市、区）区划代码', description: '市级、省级活动可为空' },
  county: { type: 'string', title: '县（市、区）' },
  venue: { type: 'string', title: '场地名称' },
  address: { type: 'string', title: '详细地址' },
  lat: { type: 'number', title: '纬度', unit: '度', description: 'WGS-84' },
  lng: { type: 'number', title: '经度', unit: '度', description: 'WGS-84' },
  start: { type: 'datetime', format: 'any', title: '开始时间', description: '北京时间，如 2026-03-05T09:00+08:00' },
  end: { type: 'datetime', format: 'any', title: '结束时间', description: '北京时间' },
  status: { type: 'string', title: '状态', description: labels(EVENT_STATUS_LABELS) },
  organisers: { type: 'string', title: '主办单位', description: '多个单位以“、”分隔' },
  url: { type: 'string', title: '活动页面网址' },
});

/** The monthly report table (report-<yyyy-mm>.csv, report-<yyyy>.csv). */
export const REPORT_FIELDS = withNames(REPORT_CSV_COLUMNS, {
  month: { type: 'string', title: '调度月份', description: 'yyyy-mm' },
  city_code: { type: 'string', title: '区划代码', description: '设区市代码；320000 为全省合计行' },
  city: { type: 'string', title: '设区市', description: '“江苏省”为全省合计行' },
  planned_city_level: count('本月计划市级场次'),
  planned_county_level: count('本月计划县区场次'),
  planned: count('本月计划场次', '市级 + 县区'),
  published: count('本月已发布场次', '本站发布的市级、县区活动，按开始日期计入月份，不含已取消'),
  held: count('本月已举办场次', '状态为已举办，或计划中、已确认且已结束'),
  postponed: count('本月延期场次', '含在已发布中，不算已举办'),
  cancelled: count('本月取消场次', '不含在已发布中'),
  ytd_planned: count('1月至本月累计计划场次'),
  ytd_published: count('1月至本月累计已发布场次'),
  ytd_held: count('1月至本月累计已举办场次'),
  ytd_completion_pct: { type: 'integer', title: '累计完成率', unit: '%', description: '累计已举办 ÷ 累计计划，四舍五入到整数；计划为 0 时为空' },
  next_month: { type: 'string', title: '下月', description: 'yyyy-mm；12月的调度表为空' },
  next_planned: count('下月计划场次'),
  next_published: count('下月已发布场次'),
  next_status: {
    type: 'string',
    title: '下月报送情况',
    description: Object.values(SUBMISSION_LABELS).join('、') + '（未报送：下月有计划但还没有发布任何活动）',
  },
  demo: { type: 'string', title: '含示例', description: '“示例”表示这一行的数字含演示数据' },
  as_of: { type: 'string', title: '统计截至', description: 'yyyy-mm-dd（北京时间）' },
});

/** The policy rules (policy-facts.csv). */
export const POLICY_FACT_FIELDS = withNames(POLICY_FACT_CSV_COLUMNS, {
  id: { type: 'string', title: '编号', description: 'facts.yaml 中的 id；同一条规定的不同年度版本编号不同' },
  topic: { type: 'string', title: '规定', description: '同一条规定各年度版本共用的名字' },
  label: { type: 'string', title: '规定名称' },
  statement: { type: 'string', title: '完整表述', description: '政策页上的句子，数值已填入；未核实的标“待核实”' },
  value: { type: 'string', title: '数值', description: '文字写法，如“车价的12%，最高2万元”；未查到的为“待核实”' },
  value_type: {
    type: 'string',
    title: '数值类型',
    description: 'percent-cap 比例加封顶、percent 比例、points 百分点、amount 金额、date 日期、quantity 数量、text 文字、unknown 未查到',
  },
  percent: { type: 'number', title: '比例', unit: '%', description: 'percent-cap 和 percent 才有' },
  amount_yuan: { type: 'number', title: '金额', unit: '元', description: 'percent-cap 的封顶金额，或 amount 的金额' },
  date: { type: 'string', title: '日期', description: 'date 类型的日期，yyyy-mm-dd' },
  valid_from: { type: 'string', title: '有效期开始', description: 'yyyy-mm-dd；文件没有写明则为空' },
  valid_to: { type: 'string', title: '有效期结束', description: 'yyyy-mm-dd；文件没有写明则为空' },
  period_note: { type: 'string', title: '有效期说明' },
  application_deadline: { type: 'string', title: '申请截止', description: '所属补贴的申请截止日；未公布时为“尚未公布”；不属于需要申请的补贴则为空' },
  status: { type: 'string', title: '状态', description: '现行、尚未施行、已到期、已由新规定取代；按“状态截至”那天判断' },
  as_of: { type: 'string', title: '状态截至', description: 'yyyy-mm-dd（北京时间），本站生成文件的日期' },
  confidence: { type: 'string', title: '可信度', description: labels(CONFIDENCE_LABELS) },
  confidence_label: { type: 'string', title: '可信度说明' },
  confirmed: { type: 'string', title: '是否已核实', description: '“是”（A、B）或“待核实”' },
  documents: { type: 'string', title: '依据文件', description: '《标题》（文号），发文机关，发布日期；多个以“；”分隔' },
  document_urls: { type: 'string', title: '依据文件网址', description: '官方网址，多个以空格分隔；没有核实的不列' },
  checked: { type: 'string', title: '最后核对', description: '编辑对照原文核对的日期，yyyy-mm-dd' },
  reading: { type: 'string', title: '性质', description: POLICY_READING },
});

export interface CatalogInput {
  year: number;
  docNumber: string;
  planTitle: string;
  months: string[];
  charts: { id: string; title: string }[];
}

/** Every file under /data/, in the order the /data/ page lists them. */
export function dataCatalog(c: CatalogInput): DataFile[] {
  const planSource = `${c.docNumber}附件《${c.planTitle}》，按本站说明的读法整理`;
  const eventSource = '各设区市报送、本站发布的活动（演示数据标“示例”）';
  const reportSource = `计划：${c.docNumber}附件；已发布、已举办：本站发布的活动`;
  const policySource = '国家和江苏公布的政策文件及权威媒体报道，本站整理（每行写明依据文件）';
  return [
    {
      name: `plan-${c.year}`,
      path: `/data/plan-${c.year}.csv`,
      title: `${c.year}年各设区市每月计划场次`,
      format: 'csv',
      mediatype: 'text/csv',
      description: '每市每月一行。UTF-8（带 BOM，Excel 可直接打开）。',
      source: planSource,
      fields: PLAN_FIELDS,
      group: 'plan',
    },
    {
      name: `plan-${c.year}-json`,
      path: `/data/plan-${c.year}.json`,
      title: `${c.year}年计划（JSON）`,
      format: 'json',
      mediatype: 'application/json',
      description: '同样的行，另含原表印出的合计和本站读法的说明。',
      source: planSource,
      group: 'plan',
    },
    {
      name: 'events',
      path: '/data/events.csv',
      title: '活动',
      format: 'csv',
      mediatype: 'text/csv',
      description: '每个活动一行。UTF-8（带 BOM）。',
      source: eventSource,
      fields: EVENT_FIELDS,
      group: 'events',
    },
    {
      name: 'events-json',
      path: '/data/events.json',
      title: '活动（JSON）',
      format: 'json',
      mediatype: 'application/json',
      description: '同样的行，另含示例活动数。',
      source: eventSource,
      group: 'events',
    },
    {
      name: `report-${c.year}`,
      path: `/data/report-${c.year}.csv`,
      title: `${c.year}年每月调度表（全年）`,
      format: 'csv',
      mediatype: 'text/csv',
      description: '每月每市一行，另有每月的全省合计行。UTF-8（带 BOM）。',
      source: reportSource,
      fields: REPORT_FIELDS,
      group: 'report',
    },
    ...c.months.map((m): DataFile => ({
      name: `report-${m}`,
      path: `/data/report-${m}.csv`,
      title: `${Number(m.slice(5))}月调度表`,
      format: 'csv',
      mediatype: 'text/csv',
      description: `${m} 一个月的调度表，列同上。`,
      source: reportSource,
      fields: REPORT_FIELDS,
      group: 'report',
    })),
    {
      name: 'policy-facts',
      path: '/data/policy-facts.csv',
      title: '补贴和税收规定',
      format: 'csv',
      mediatype: 'text/csv',
      description: `政策解读页上的每一条规定一行：数值、有效期、申请截止、状态、可信度、依据文件和最后核对日期。${POLICY_READING}UTF-8（带 BOM）。`,
      source: policySource,
      fields: POLICY_FACT_FIELDS,
      group: 'policies',
    },
    {
      name: 'policy-facts-json',
      path: '/data/policy-facts.json',
      title: '补贴和税收规定（JSON）',
      format: 'json',
      mediatype: 'application/json',
      description: '同样的行，另含依据文件的清单。',
      source: policySource,
      group: 'policies',
    },
    ...c.charts.flatMap((ch): DataFile[] => [
      {
        name: `chart-${ch.id}-svg`,
        path: `/data/charts/${ch.id}.svg`,
        title: ch.title,
        format: 'svg',
        mediatype: 'image/svg+xml',
        description: '矢量图，可缩放、可编辑。',
        source: planSource,
        group: 'charts',
      },
      {
        name: `chart-${ch.id}-png`,
        path: `/data/charts/${ch.id}.png`,
        title: ch.title,
        format: 'png',
        mediatype: 'image/png',
        description: '位图，原尺寸的 2 倍。',
        source: planSource,
        group: 'charts',
      },
    ]),
    {
      name: 'events-template-xlsx',
      path: '/data/templates/events-template.xlsx',
      title: '活动报送模板（Excel）',
      format: 'xlsx',
      mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      description: '各市报送活动用；第二个工作表是填写说明。',
      source: '本站',
      group: 'templates',
    },
    {
      name: 'events-template-csv',
      path: '/data/templates/events-template.csv',
      title: '活动报送模板（CSV）',
      format: 'csv',
      mediatype: 'text/csv',
      description: '同上，CSV 格式。',
      source: '本站',
      group: 'templates',
    },
  ];
}

export interface PackageInput {
  year: number;
  title: string;
  description: string;
  terms: string;
  termsConfirmed: boolean;
  updated: string | null;
  homepage: string;
}

/**
 * A Frictionless Data Package (datapackage.json) for the files, paths relative to /data/.
 * No licence is named until the department confirms the terms; the terms travel as text.
 */
export function toDataPackage(files: readonly DataFile[], p: PackageInput) {
  return {
    profile: 'data-package',
    name: `jiangsu-car-wujin-${p.year}`,
    title: p.title,
    description: p.description,
    homepage: p.homepage,
    ...(p.updated ? { updated: p.updated } : {}),
    terms: { text: p.terms, confirmed: p.termsConfirmed },
    resources: files.map((f) => ({
      name: f.name,
      path: f.path.replace(/^\/data\//u, ''),
      title: f.title,
      description: f.description,
      format: f.format,
      mediatype: f.mediatype,
      ...(f.format === 'csv' || f.format === 'json' ? { encoding: 'utf-8' } : {}),
      sources: [{ title: f.source }],
      ...(f.fields
        ? {
            profile: 'tabular-data-resource',
            dialect: { delimiter: ',', header: true, lineTerminator: '\r\n' },
            schema: {
              fields: f.fields.map((x) => ({
                name: x.name,
                type: x.type,
                ...(x.format ? { format: x.format } : {}),
                title: x.title,
                description: [x.description, x.unit ? `单位：${x.unit}` : ''].filter(Boolean).join('；') || x.title,
              })),
            },
          }
        : {}),
    })),
  };
}
