/**
 * Schema of an official notice (content/notice/*.yaml), kept as structured text exactly as
 * issued. Nothing here may be added that the issued document does not say.
 */
import { z } from 'astro/zod';

const target = z.strictObject({
  min: z.number().int().positive().describe('“不少于”后面的场次数'),
  quote: z.string().min(1).describe('通知正文里写出这个数字的原句，构建时核对它确实在正文中'),
});

export const noticeSchema = z.strictObject({
  year: z.number().int().min(2026).describe('活动年度；新一年的通知另建一个文件'),
  docNumber: z.string().min(1).describe('文号，例如 苏商建函〔2026〕66号'),
  title: z.string().min(1).describe('标题'),
  issuers: z.array(z.string().min(1)).min(1).describe('联合发文单位，按版头顺序'),
  addressees: z.string().min(1).describe('主送单位'),
  preamble: z.string().min(1).describe('开头一段'),
  points: z
    .array(
      z.strictObject({
        number: z.string().min(1).describe('序号，照原文，例如 一是'),
        lead: z.string().min(1).describe('每条开头加粗的一句'),
        body: z.string().min(1).describe('其余正文'),
      }),
    )
    .min(1)
    .describe('各条'),
  closing: z.string().min(1).describe('结尾一段'),
  attachments: z
    .array(z.strictObject({ title: z.string().min(1), plan: z.number().int().optional().describe('对应 content/plan/ 里的年度') }))
    .default([])
    .describe('附件'),
  signatories: z.array(z.string().min(1)).default([]).describe('落款处印有的单位，照原文'),
  signatureRemark: z.string().optional().describe('落款页上的说明，例如（此页无正文）'),
  targets: z.strictObject({ provincial: target, cityCounty: target }).describe('正文中的全年场次目标：省级层面、市县'),
  sourceNote: z.string().optional().describe('文本来源说明'),
});
export type Notice = z.infer<typeof noticeSchema>;
