/**
 * Schema of the official contacts (content/contacts/contacts.yaml): hotlines and offices a
 * resident can call or write to. A number or address is shown as usable only when someone has
 * checked it against an official source; anything else is shown as 待核实 and never linked.
 */
import { z } from 'astro/zod';
import { cityField, isoDate, safeUrl, textField, type RefFactory } from './common.ts';

export function contactSchema(ref: RefFactory) {
  return z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/u, { error: 'id 只用小写字母、数字和连字符' }),
    name: textField(40, { min: 2 }).describe('名称，例如 南京市商务局'),
    scope: textField(120, { min: 4 }).describe('能帮居民做什么'),
    city: cityField(ref).optional().describe('所属设区市；全国或全省的不填'),
    phone: z
      .string()
      .regex(/^[0-9-]{5,20}$/u, { error: '电话只能含数字和连字符，例如 025-12345678' })
      .optional()
      .describe('电话；没有核实就不填，切勿编造'),
    url: safeUrl().optional().describe('官方网址（https）；没有核实就不填'),
    verified: z.boolean().describe('是否已对照官方来源核实。false 时页面显示“待核实”，不显示链接'),
    checked: isoDate.optional().describe('核实日期'),
    source: textField(120).optional().describe('核实依据，例如官方网站的哪一页'),
  });
}
