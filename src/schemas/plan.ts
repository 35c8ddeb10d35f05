/**
 * Schema of a year's plan table (content/plan/<year>.yaml): the attachment of the notice,
 * kept exactly as published, plus the declared readings of cells that do not add up.
 */
import { z } from 'astro/zod';
import { cityField, type RefFactory } from './common.ts';

const cells = z
  .array(z.number().int().nonnegative({ error: '场次数应为 0 或正整数' }))
  .describe('从左到右照录：合计(市级,县区)，1月(市级,县区) … 12月(市级,县区)');

export function planSchema(ref: RefFactory) {
  return z.strictObject({
    year: z.number().int().min(2026).describe('年度'),
    notice: z.string().min(1).describe('所属通知（content/notice/ 中的文件名，不含扩展名）'),
    title: z.string().min(1).describe('附件标题'),
    source: z.string().min(1).describe('出处'),
    totalRow: z.strictObject({ label: z.string(), cells }).describe('“市县区合计”行'),
    rows: z
      .array(z.strictObject({ city: cityField(ref), label: z.string().min(1).describe('原表中的市名'), cells }))
      .min(1)
      .describe('各设区市，按原表顺序'),
    reconciliations: z
      .array(
        z.strictObject({
          city: cityField(ref),
          publishedCellCount: z.number().int().positive().optional().describe('原表这一行实际印出的数字个数（不是 26 时必填）'),
          changes: z
            .array(
              z.strictObject({
                month: z.number().int().min(1).max(12),
                level: z.enum(['city', 'county']).describe('city 市级、county 县区'),
                published: z.number().int().nonnegative().describe('按位置读原表得到的数'),
                reconciled: z.number().int().nonnegative().describe('本站采用的数'),
              }),
            )
            .default([]),
          note: z.string().min(1).describe('给读者看的说明：哪里对不上、怎么读、为什么'),
        }),
      )
      .default([])
      .describe('原表自身对不上的地方，以及本站的读法'),
  });
}
