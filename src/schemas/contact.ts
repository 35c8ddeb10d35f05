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

/** The site's own desks: who answers the press, where feedback goes, where cities send event sheets. */
export const DESK_IDS = ['press', 'feedback', 'submission'] as const;

/**
 * Schema of the site's desks (content/contacts/desks.yaml). A desk not designated yet leaves
 * name, phone, email and url out, and the pages say 待公布; nothing is ever made up.
 */
export const deskSchema = z.strictObject({
  id: z.enum(DESK_IDS, { error: `id 只能是 ${DESK_IDS.join('、')} 之一` }),
  title: textField(20, { min: 2 }).describe('窗口名称，例如 新闻联系人'),
  name: textField(60, { min: 2 }).optional().describe('联系人或接收部门；还没有指定就不写，页面显示“待公布”'),
  phone: z
    .string()
    .regex(/^[0-9-]{5,20}$/u, { error: '电话只能含数字和连字符，例如 025-12345678' })
    .optional()
    .describe('电话；没有公布就不写'),
  email: z.email({ error: '邮箱写法不对，例如 name@example.gov.cn' }).max(80).optional().describe('邮箱；没有公布就不写'),
  url: safeUrl().optional().describe('网址（https）；没有公布就不写'),
  who: textField(200, { min: 4 }).optional().describe('活动报送：谁报送'),
  what: textField(200, { min: 4 }).optional().describe('活动报送：报送什么'),
  when: textField(200, { min: 4 }).optional().describe('活动报送：什么时候报送'),
  note: textField(300, { min: 4 }).optional().describe('补充说明'),
  checked: isoDate.optional().describe('最近核对日期'),
});
