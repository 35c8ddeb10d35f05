/** Schema of the search page's best bets (content/search/best-bets.yaml). */
import { z } from 'astro/zod';
import { SEARCH_SECTIONS } from '../lib/search/sections.ts';
import { textField } from './common.ts';

/** A path on this site, such as /policies/trade-in/ (starting and ending with /). */
export const sitePath = z
  .string({ error: '应为本站网址，例如 /policies/trade-in/' })
  .regex(/^\/(?:[a-z0-9-]+\/)*(?:\?[a-z]+=[a-z0-9-]+(?:&[a-z]+=[a-z0-9-]+)*)?(?:#[a-z0-9-]+)?$/u, {
    error: '应为本站网址，以 / 开头和结尾，例如 /policies/trade-in/ 或 /events/?when=weekend（不写域名）',
  });

export const bestBetSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/u, { error: 'id 只用小写字母、数字和连字符' })
    .describe('这条的名字，不显示'),
  url: sitePath.describe('回答这些词的页面'),
  title: textField(40, { min: 2 }).describe('显示的标题'),
  summary: textField(120, { min: 6 }).describe('一句话说明这个页面能解决什么'),
  dates: z
    .string()
    .regex(/^[a-z0-9-]+$/u)
    .optional()
    .describe('回答“什么时候截止”的：写政策解读 periods 里的事实 id，摘要改由网站按它的购车时间和申请截止日生成（不在这里打日期）'),
  section: z.enum(SEARCH_SECTIONS).describe(`栏目：${SEARCH_SECTIONS.join('、')}`),
  terms: z
    .array(textField(30, { min: 2 }))
    .min(1)
    .describe('居民会搜的词、同义词和口头说法（至少 2 个字），例如 车展、车博会、展销会。搜索词里含有其中一个就显示这条'),
});
export type BestBetEntry = z.infer<typeof bestBetSchema>;
