/** Schema of a policy explainer (content/policies/<id>.mdx frontmatter). */
import { z } from 'astro/zod';
import { isoDate, sourceSchema } from './common.ts';

export const policySchema = z.strictObject({
  title: z.string().min(2).describe('标题，例如 汽车以旧换新'),
  summary: z.string().min(10).describe('30 秒读完的要点'),
  order: z.number().int().describe('在政策解读首页的顺序'),
  lastChecked: isoDate.describe('编辑最后一次对照官方原文核对的日期'),
  sources: z.array(sourceSchema).min(1).describe('本页依据的文件'),
});
