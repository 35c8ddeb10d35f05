/**
 * The sheet importer: the field guide for editors — each template column, whether it is
 * required, how to fill it in (with the schema's limits) and the example row's value. The
 * template's 填写说明 sheet, its example row and the /submit/ page all print it from here. Pure.
 */
import { EVENT_LEVEL_LABELS, EVENT_SERVICE_LABELS, EVENT_TYPE_LABELS } from '../event-labels.ts';
import { EVENT_LIST_LIMIT, EVENT_TEXT_LIMITS as MAX, EVENT_TEXT_MIN as MIN } from '../../schemas/event.ts';
import { TEMPLATE_COLUMNS } from './columns.ts';

type Column = (typeof TEMPLATE_COLUMNS)[number];

/** The example row (row 2 of the template): every column filled the way an editor should; 活动名称 starts with 示例. */
export const TEMPLATE_EXAMPLE: Record<Column, string | number | Date> = {
  '活动编号(可选)': '',
  活动名称: '示例（导入时跳过这一行）汽车惠民展销进社区',
  设区市: '南京',
  '县（市、区）': '建邺区',
  活动类型: EVENT_TYPE_LABELS.community,
  活动级别: EVENT_LEVEL_LABELS.county,
  // Excel keeps wall-clock time without a zone; ExcelJS writes a Date's UTC fields.
  开始时间: new Date(Date.UTC(2026, 11, 12, 9, 0)),
  结束时间: new Date(Date.UTC(2026, 11, 13, 17, 0)),
  场地名称: '某某社区文化广场',
  详细地址: '南京市建邺区某某路1号',
  经度: 118.7305,
  纬度: 32.0088,
  '坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)': 'WGS84',
  主办单位: '建邺区商务局',
  承办单位: '',
  参与品牌: '',
  现场服务: `${EVENT_SERVICE_LABELS['policy-advice']}、${EVENT_SERVICE_LABELS.valuation}`,
  咨询电话: '',
  备注: '这一行是填写示例，导入时会跳过；可以留着，也可以删掉。',
};

/** A cell of the example row as text: 2026/12/12 9:00 for a date-time. */
export const exampleText = (v: string | number | Date): string =>
  v instanceof Date
    ? `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()} ${v.getUTCHours()}:${String(v.getUTCMinutes()).padStart(2, '0')}`
    : String(v);

/** One column of the field guide. */
export interface FieldGuideEntry {
  column: Column;
  required: '是' | '否' | '县区级活动必填';
  how: string;
  example: string;
}

const HOW: Record<Column, [FieldGuideEntry['required'], string]> = {
  '活动编号(可选)': ['否', '小写字母、数字和连字符，例如 2026-nanjing-001；不填则自动生成。同一活动再次报送时请保持不变。'],
  活动名称: ['是', `不写场地和优惠，例如“汽车惠民展销进社区”；${MIN.title}—${MAX.title} 个字`],
  设区市: ['是', '南京、无锡……（带不带“市”都可以）'],
  '县（市、区）': ['县区级活动必填', '例如 玄武区 或 玄武'],
  活动类型: ['是', Object.values(EVENT_TYPE_LABELS).join('、')],
  活动级别: ['是', Object.values(EVENT_LEVEL_LABELS).join('、')],
  开始时间: ['是', '2026/3/5 9:00 或 2026-03-05 09:00（北京时间）。日期和钟点都要写，只写日期会被退回'],
  结束时间: ['是', '同上，不能早于开始时间'],
  场地名称: ['是', `例如 奥体中心东广场；${MIN.venue}—${MAX.venue} 个字`],
  详细地址: ['是', `例如 南京市建邺区江东中路222号；${MIN.address}—${MAX.address} 个字`],
  经度: ['是', '小数，例如 118.7305；江苏约在 116—122 之间。不要写度分秒'],
  纬度: ['是', '小数，例如 32.0088；江苏约在 30—35 之间'],
  '坐标系(可选: WGS84/GCJ02/BD09, 默认 WGS84)': ['否', '从高德、腾讯地图复制的坐标填 GCJ02，从百度地图复制的填 BD09，GPS 或天地图填 WGS84'],
  主办单位: ['是', `多个用顿号分开，最多 ${EVENT_LIST_LIMIT} 个，每个 ${MIN.organisation}—${MAX.organisation} 个字`],
  承办单位: ['否', `多个用顿号分开，最多 ${EVENT_LIST_LIMIT} 个，每个 ${MIN.organisation}—${MAX.organisation} 个字`],
  参与品牌: ['否', `多个用顿号分开，最多 ${EVENT_LIST_LIMIT} 个，每个最多 ${MAX.brand} 个字`],
  现场服务: ['否', `${Object.values(EVENT_SERVICE_LABELS).join('、')}，多个用顿号分开`],
  咨询电话: ['否', '只填一个号码，例如 025-12345678'],
  备注: ['否', `最多 ${MAX.notes} 个字`],
};

/** The field guide, in the template's column order. */
export const FIELD_GUIDE: FieldGuideEntry[] = TEMPLATE_COLUMNS.map((column) => ({
  column,
  required: HOW[column][0],
  how: HOW[column][1],
  example: exampleText(TEMPLATE_EXAMPLE[column]),
}));
