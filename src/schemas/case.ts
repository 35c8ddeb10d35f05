/** Schema of a showcase case (典型案例, content/cases/<id>.mdx frontmatter). */
import { z } from 'astro/zod';
import { checkCountyInCity, cityField, countyField, isoDate, sourceSchema, textField, type RefFactory } from './common.ts';
import { EVENT_TYPES } from './event.ts';

export function caseSchema(ref: RefFactory) {
  return z
    .strictObject({
      title: textField(60, { min: 4 }).describe('案例标题'),
      summary: textField(200, { min: 10 }).describe('一两句话的摘要，供媒体引用'),
      year: z.number().int().min(2026),
      published: isoDate.describe('发布日期'),
      updated: isoDate.optional().describe('最后修改日期'),
      city: cityField(ref),
      county: countyField(ref).optional(),
      type: z.enum(EVENT_TYPES).describe('活动场景，与活动的类型相同'),
      events: z.array(ref('events')).default([]).describe('相关活动'),
      figures: z
        .array(
          z.strictObject({
            label: z.string().min(2).describe('指标，例如 现场成交'),
            value: z.number().describe('数值'),
            unit: z.string().min(1).describe('单位，例如 辆、万元'),
            period: z.string().min(2).describe('统计期，例如 2026年3月5日—6日'),
            source: sourceSchema,
          }),
        )
        .default([])
        .describe('案例中的数字，每个都要有出处和统计期'),
      demo: z.boolean().default(false).describe('示例为 true'),
    })
    .superRefine((c, ctx) => checkCountyInCity(c, ctx));
}
