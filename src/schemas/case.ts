/** Schema of a showcase case (典型案例, content/cases/<id>.mdx frontmatter). */
import { z } from 'astro/zod';
import { checkCountyInCity, cityField, countyField, isoDate, sourceSchema, textField, type RefFactory } from './common.ts';
import { EVENT_TYPES, EVENT_TYPE_LABELS } from './event.ts';

/**
 * Makes an image field. The site passes Astro's `image()` (the file is checked, measured and
 * optimised at build time); scripts and tests check only that a path is given.
 */
export type ImageFactory = () => z.ZodType;
export const plainImage: ImageFactory = () => z.string().min(1);

/**
 * What a case picture may be: a raster photo or chart (no SVG: it can carry script that runs in
 * the site's origin), at most 8000 px on a side and 24 million pixels (a 20000 × 20000 image
 * would become every visitor's thumbnail).
 */
export const CASE_IMAGE_LIMITS = { formats: ['png', 'jpg', 'jpeg', 'webp', 'avif'], maxSide: 8000, maxPixels: 24_000_000 } as const;

/** Why a picture cannot be used, in Chinese, or undefined. `format` is the file type (png, svg…). */
export function caseImageProblem({ format, width, height }: { format: string; width: number; height: number }): string | undefined {
  const f = format.toLowerCase();
  if (f === 'svg') return '图片不能是 SVG 格式（SVG 里可以藏脚本）。请导出为 PNG 或 JPG 再用';
  if (!(CASE_IMAGE_LIMITS.formats as readonly string[]).includes(f)) return `图片格式 ${format} 不能用。请用 PNG、JPG 或 WebP`;
  if (width > CASE_IMAGE_LIMITS.maxSide || height > CASE_IMAGE_LIMITS.maxSide || width * height > CASE_IMAGE_LIMITS.maxPixels) {
    return `图片太大（${width} × ${height} 像素）。请缩小到长边不超过 ${CASE_IMAGE_LIMITS.maxSide} 像素、总共不超过 ${CASE_IMAGE_LIMITS.maxPixels / 1_000_000} 百万像素`;
  }
  return undefined;
}

/** Slugs that name listing pages under /cases/ and so cannot be a case's own address. */
export const RESERVED_CASE_SLUGS = ['city', 'scene', 'rss'] as const;

export function caseSchema(ref: RefFactory, image: ImageFactory = plainImage) {
  return z
    .strictObject({
      title: textField(60, { min: 4 }).describe('案例标题；示例案例不用自己写“示例”，网站会加'),
      summary: textField(200, { min: 10 }).describe('一两句话的摘要，供媒体引用'),
      year: z.number().int().min(2026).describe('所属活动年度'),
      published: isoDate.describe('发布日期，YYYY-MM-DD'),
      updated: isoDate.optional().describe('最后修改日期'),
      city: cityField(ref),
      county: countyField(ref).optional(),
      type: z.enum(EVENT_TYPES).describe(
        `活动场景：${Object.entries(EVENT_TYPE_LABELS)
          .map(([k, v]) => `${k} ${v}`)
          .join('、')}`,
      ),
      events: z
        .array(z.string().regex(/^[A-Za-z0-9-]+$/u, { error: '活动编号是活动文件名（不带 .yaml），例如 demo-nanjing-06' }))
        .default([])
        .describe('相关活动的编号，即活动文件名（不带 .yaml），例如 demo-nanjing-06；编号不存在时构建失败'),
      figures: z
        .array(
          z.strictObject({
            label: textField(30, { min: 2 }).describe('指标，例如 现场成交'),
            value: z.number().describe('数值'),
            unit: textField(10).describe('单位，例如 辆、万元'),
            period: textField(40, { min: 2 }).describe('统计期，例如 2026年3月5日—6日'),
            source: sourceSchema,
          }),
        )
        .default([])
        .describe('案例中的数字，每个都要有出处和统计期'),
      images: z
        .array(
          z.strictObject({
            src: image().describe('图片文件，相对本文件的路径，例如 ./images/nanjing-1.png'),
            alt: textField(120, { min: 4 }).describe('替代文字：图里有什么，给看不见图片的读者'),
            caption: textField(80).optional().describe('图注'),
            credit: textField(40).optional().describe('图片来源或摄影者'),
          }),
        )
        .default([])
        .describe('图片，第一张也用作列表缩略图'),
      contact: z
        .strictObject({
          organisation: textField(40, { min: 2 }).describe('联系单位'),
          name: textField(20).optional().describe('联系人'),
          phone: z
            .string()
            .regex(/^[0-9-]{5,20}$/u, { error: '电话只能含数字和连字符' })
            .optional()
            .describe('电话；没有核实就不填'),
        })
        .optional()
        .describe('媒体联系人；不填时显示本站新闻联系人'),
      demo: z.boolean().default(false).describe('示例为 true；构建时设 SITE_DEMO=0 会全部去掉'),
    })
    .superRefine((c, ctx) => {
      checkCountyInCity(c, ctx);
      if (c.updated && c.updated < c.published) ctx.addIssue({ code: 'custom', path: ['updated'], message: '最后修改日期早于发布日期' });
      if (c.demo) {
        c.figures.forEach((f, i) => {
          if (!/示例/u.test(f.source.title)) {
            ctx.addIssue({
              code: 'custom',
              path: ['figures', i, 'source', 'title'],
              message: '示例案例的数字必须注明是示例数据，例如 title: 示例数据（非真实统计）',
            });
          }
        });
      }
    });
}
