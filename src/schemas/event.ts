/**
 * Schema of one car fair (content/events/<id>.yaml). The import script
 * (`npm run import`) and the site both judge an event by this schema.
 */
import { z } from 'astro/zod';
import { isRealShanghaiTime, toShanghaiText } from '../lib/dates.ts';
import { checkCountyInCity, cityField, countyField, textField, type RefFactory } from './common.ts';

export {
  EVENT_LEVELS,
  EVENT_LEVEL_LABELS,
  EVENT_SERVICES,
  EVENT_SERVICE_LABELS,
  EVENT_STATUSES,
  EVENT_STATUS_LABELS,
  EVENT_TYPES,
  EVENT_TYPE_LABELS,
} from '../lib/event-labels.ts';
import { EVENT_LEVELS, EVENT_SERVICES, EVENT_STATUSES, EVENT_TYPES, EVENT_TYPE_LABELS } from '../lib/event-labels.ts';

/** A local date-time in Asia/Shanghai, written with its offset: 2026-03-05T09:00+08:00. */
const shanghaiTime = z.preprocess(
  (v) => (v instanceof Date ? toShanghaiText(v) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+08:00$/, { error: '时间格式应为 2026-03-05T09:00+08:00（北京时间）' })
    .refine(isRealShanghaiTime, { error: '不是真实存在的日期或时间（例如 2月30日）' }),
);

/**
 * Longest text each field may hold, in characters. Generous for real events, and small enough
 * that one runaway cell cannot swamp a page, a calendar feed or the search index. The importer
 * reports the same limits with the sheet's column names.
 */
export const EVENT_TEXT_LIMITS = { title: 80, venue: 60, address: 120, organisation: 60, brand: 30, notes: 500 } as const;
/** Most entries in one list field (主办单位, 承办单位, 参与品牌). */
export const EVENT_LIST_LIMIT = 30;
/** Shortest text a field may hold, in characters (a name of one character is a typo). */
export const EVENT_TEXT_MIN = { title: 2, venue: 2, address: 4, organisation: 2 } as const;
/** One phone number: digits, hyphens, brackets and spaces, 5 to 20 characters. */
export const EVENT_PHONE_PATTERN = /^[0-9\-（）() ]{5,20}$/u;
/** The first year the site takes events for. */
export const EVENT_FIRST_YEAR = 2026;
/** True when an event's end (local time with offset) comes before its start. */
export function endsBeforeStart(start: string, end: string): boolean {
  return Date.parse(end) < Date.parse(start);
}

export function eventSchema(ref: RefFactory) {
  return z
    .strictObject({
      title: textField(EVENT_TEXT_LIMITS.title, { min: EVENT_TEXT_MIN.title }).describe(
        `活动名称，不写场地和优惠；${EVENT_TEXT_MIN.title}—${EVENT_TEXT_LIMITS.title} 个字`,
      ),
      year: z.number().int().min(EVENT_FIRST_YEAR).describe('所属活动年度'),
      type: z.enum(EVENT_TYPES).describe(
        Object.entries(EVENT_TYPE_LABELS)
          .map(([k, v]) => `${k} ${v}`)
          .join('、'),
      ),
      level: z.enum(EVENT_LEVELS).describe('provincial 省级、city 市级、county 县区'),
      city: cityField(ref),
      county: countyField(ref).optional(),
      venue: z.strictObject({
        name: textField(EVENT_TEXT_LIMITS.venue, { min: EVENT_TEXT_MIN.venue }).describe(`场地名称；${EVENT_TEXT_MIN.venue}—${EVENT_TEXT_LIMITS.venue} 个字`),
        address: textField(EVENT_TEXT_LIMITS.address, { min: EVENT_TEXT_MIN.address }).describe(
          `详细地址；${EVENT_TEXT_MIN.address}—${EVENT_TEXT_LIMITS.address} 个字`,
        ),
      }),
      lat: z.number().min(-90).max(90).describe('纬度（WGS-84）'),
      lng: z.number().min(-180).max(180).describe('经度（WGS-84）'),
      start: shanghaiTime.describe('开始时间（北京时间）'),
      end: shanghaiTime.describe('结束时间（北京时间）'),
      organisers: z
        .array(textField(EVENT_TEXT_LIMITS.organisation, { min: EVENT_TEXT_MIN.organisation }))
        .min(1)
        .max(EVENT_LIST_LIMIT)
        .describe('主办单位'),
      hosts: z
        .array(textField(EVENT_TEXT_LIMITS.organisation, { min: EVENT_TEXT_MIN.organisation }))
        .max(EVENT_LIST_LIMIT)
        .default([])
        .describe('承办单位'),
      brands: z.array(textField(EVENT_TEXT_LIMITS.brand)).max(EVENT_LIST_LIMIT).default([]).describe('参与品牌'),
      services: z.array(z.enum(EVENT_SERVICES)).default([]).describe('现场服务'),
      policies: z.array(ref('policies')).default([]).describe('适用的政策解读'),
      status: z.enum(EVENT_STATUSES).default('planned').describe('计划中、已确认、延期、取消、已举办'),
      phone: z.string().regex(EVENT_PHONE_PATTERN, { error: '咨询电话只能含数字、连字符和括号' }).optional(),
      notes: textField(EVENT_TEXT_LIMITS.notes, { multiline: true }).optional().describe(`备注；最多 ${EVENT_TEXT_LIMITS.notes} 个字`),
      demo: z.boolean().default(false).describe('示例数据为 true；构建时设 SITE_DEMO=0 会全部去掉'),
    })
    .superRefine((event, ctx) => {
      checkCountyInCity(event, ctx);
      if (endsBeforeStart(event.start, event.end)) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: '结束时间早于开始时间' });
      }
      if (event.level === 'county' && event.county === undefined) {
        ctx.addIssue({ code: 'custom', path: ['county'], message: '县区级活动必须填写县（市、区）' });
      }
    });
}
