/**
 * Policy content: the documents that set the rules, the facts (every rule and number, once),
 * per-city programme status, and the explainer pages' frontmatter.
 */
import { z } from 'astro/zod';
import { cityField, dateToText, isoDate, safeUrl, textField, type RefFactory } from './common.ts';

/** How sure we are: A official text, B reputable news, C one weak source, D memory, unknown not found. */
export const CONFIDENCE_LEVELS = ['A', 'B', 'C', 'D', 'unknown'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

const partialDate = z.preprocess(dateToText, z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/u, { error: '日期格式应为 YYYY-MM-DD 或 YYYY-MM' }));

export const policyDocumentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  title: textField(120, { min: 4 }).describe('文件标题（不带书名号）'),
  issuer: textField(80, { min: 2 }).describe('发文机关'),
  docNumber: textField(60).optional().describe('文号；未查到就不填'),
  date: partialDate.optional().describe('发布日期'),
  url: safeUrl({ allowHttp: true }).optional().describe('核实过的官方原文网址（https，原网站没有 https 时可用 http）；没核实就不填'),
  confidence: z.enum(CONFIDENCE_LEVELS).describe('A 官方原文、B 权威媒体、C 弱来源、D 凭记忆、unknown 未找到'),
  note: textField(400).optional().describe('给编辑和读者的说明'),
});

/** The value of a fact; see content/policies/data/facts.yaml for examples. */
export const factValueSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('percent-cap'), percent: z.number().positive(), cap: z.number().int().positive() }),
  z.strictObject({ type: z.literal('percent'), percent: z.number().positive() }),
  z.strictObject({ type: z.literal('points'), points: z.number().positive() }),
  z.strictObject({ type: z.literal('amount'), amount: z.number().positive() }),
  z.strictObject({ type: z.literal('date'), date: isoDate }),
  z.strictObject({
    type: z.literal('quantity'),
    amount: z.number().positive(),
    unit: textField(20),
    decimals: z.number().int().min(0).max(2).optional().describe('显示几位小数，例如 2.0 升写 1'),
  }),
  z.strictObject({ type: z.literal('text'), text: textField(120) }),
  z.strictObject({ type: z.literal('unknown') }),
]);

export function policyFactSchema(ref: RefFactory) {
  return z
    .strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/u),
      label: textField(80, { min: 2 }).describe('这条规定说的是什么（表格里的一行标题）'),
      statement: textField(300, { min: 6 })
        .refine((t) => /[。！？]$/u.test(t), { error: 'statement 要写成以句号结尾的完整句子' })
        .describe('这条规定的完整句子，数值处写 {value}；没有数值（unknown）的写“本站尚未查到……。”'),
      topic: z
        .string()
        .regex(/^[a-z0-9-]+$/u)
        .optional()
        .describe('同一条规定的不同年度版本共用的名字；不填就是 id'),
      value: factValueSchema,
      from: isoDate.optional().describe('有效期开始'),
      to: isoDate.optional().describe('有效期结束；没有写明就不填'),
      periodNote: textField(120).optional().describe('有效期的补充说明'),
      note: textField(400).optional(),
      documents: z.array(ref('policyDocuments')).describe('依据的文件（documents.yaml 中的 id）'),
      confidence: z.enum(CONFIDENCE_LEVELS),
      checked: isoDate.optional().describe('编辑对照官方原文核对的日期'),
    })
    .superRefine((fact, ctx) => {
      if (fact.value.type === 'unknown' && fact.confidence !== 'unknown') {
        ctx.addIssue({ code: 'custom', path: ['confidence'], message: '没有数值（type: unknown）的事实，confidence 应为 unknown' });
      }
      const placeholder = fact.statement.includes('{value}');
      if (fact.value.type === 'unknown' && placeholder) {
        ctx.addIssue({ code: 'custom', path: ['statement'], message: '没有数值（type: unknown）的事实，statement 里不写 {value}，直接说明尚未查到什么' });
      }
      if (fact.value.type !== 'unknown' && !placeholder) {
        ctx.addIssue({ code: 'custom', path: ['statement'], message: 'statement 里要用 {value} 标出数值的位置，例如“补贴{value}。”' });
      }
      if (fact.from && fact.to && fact.to < fact.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: '有效期结束（to）早于开始（from）' });
      }
      if (fact.value.type !== 'unknown' && fact.documents.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['documents'], message: '有数值的事实必须写明依据的文件' });
      }
    });
}

export const PROGRAMMES = ['scrap', 'replace', 'loan-subsidy'] as const;
export const PROGRAMME_LABELS: Record<(typeof PROGRAMMES)[number], string> = {
  scrap: '报废更新补贴',
  replace: '置换更新补贴',
  'loan-subsidy': '消费贷款财政贴息',
};
export const PROGRAMME_STATUSES = ['open', 'paused', 'full', 'unknown'] as const;
export const PROGRAMME_STATUS_LABELS: Record<(typeof PROGRAMME_STATUSES)[number], string> = {
  open: '受理中',
  paused: '暂停',
  full: '额度已满',
  unknown: '未知',
};

export function programmeStatusSchema(ref: RefFactory) {
  return z
    .strictObject({
      id: z.string(),
      city: cityField(ref),
      programme: z.enum(PROGRAMMES),
      status: z.enum(PROGRAMME_STATUSES).describe('open 受理中、paused 暂停、full 额度已满、unknown 未知'),
      checked: isoDate.optional().describe('核实日期'),
      source: z
        .strictObject({ title: textField(120, { min: 2 }), issuer: textField(80, { min: 2 }), url: safeUrl({ allowHttp: true }).optional() })
        .optional()
        .describe('依据：当地公告'),
      note: textField(300).optional(),
    })
    .superRefine((s, ctx) => {
      if (s.status !== 'unknown' && (!s.checked || !s.source)) {
        ctx.addIssue({
          code: 'custom',
          path: ['status'],
          message: `状态为“${PROGRAMME_STATUS_LABELS[s.status]}”时必须填写 checked（核实日期）和 source（依据）`,
        });
      }
    });
}

export function policySchema(ref: RefFactory) {
  return z.strictObject({
    title: textField(40, { min: 2 }).describe('标题，例如 汽车以旧换新'),
    summary: textField(200, { min: 10 }).describe('30 秒读完的要点（不写具体数字，数字放正文的 Fact 组件里）'),
    order: z.number().int().describe('在政策解读首页的顺序'),
    year: z.number().int().min(2026).describe('适用年度'),
    lastChecked: isoDate.describe('编辑最后一次对照官方原文核对的日期'),
    sources: z.array(ref('policyDocuments')).min(1).describe('本页依据的文件（documents.yaml 中的 id）'),
    periods: z
      .array(
        z.strictObject({
          fact: z.string().min(2).describe('决定有效期的事实（facts.yaml 中的 id 或 topic）'),
          subject: textField(40, { min: 4 }).describe(
            '这项政策的名称，用在“……有效期至……”这句话里，例如 {year}年汽车以旧换新补贴；{year} 换成当时有效的那一年度规定的年份',
          ),
          application: z
            .strictObject({
              deadline: z.string().min(2).describe('申请截止日的事实（facts.yaml 中的 id）：公布前 type 写 unknown，公布后写 { type: date, date: … }'),
              precedent: z.string().min(2).optional().describe('往年申请截止的先例（facts.yaml 中的 id），截止日公布前在页首说明'),
              where: z
                .string()
                .regex(/^\/[a-z0-9/-]*(#[^\s#]+)?$/u, { error: 'where 写本站页面地址，例如 /policies/trade-in/#去哪里办' })
                .describe('哪里说明申请渠道（本站地址）'),
            })
            .optional()
            .describe('买车之后再申请的补贴：有效期（from/to）是购车时间，申请可以晚于它；这里写申请截止日和申请渠道'),
        }),
      )
      .default([])
      .describe('本页介绍的政策及其有效期：页首据此说“有效期至……”“即将到期”或“已到期”'),
  });
}

/** An official place to apply or to check (content/policies/data/channels.yaml). */
export const channelSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  order: z.number().int().describe('显示顺序'),
  name: textField(60, { min: 2 }),
  how: textField(200, { min: 4 }).describe('怎么用'),
  url: safeUrl().optional().describe('官方网址（必须 https）'),
  programmes: z.array(z.enum([...PROGRAMMES, 'tax'])).min(1),
  confidence: z.enum(CONFIDENCE_LEVELS).describe('渠道名称和网址的可信度；C、D 页面标“网址待核实”'),
  note: textField(300).optional(),
});

/**
 * One dated change to the policy pages (content/policies/data/changes.yaml): what changed and
 * why. Each policy page prints its own as 更新记录, newest first, and the changes are a feed
 * (/policies/changes.xml, and items in /rss.xml).
 */
export function policyChangeSchema(ref: RefFactory) {
  return z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/u, { error: 'id 只用小写字母、数字和连字符，例如 2026-12-04-trade-in' }),
    date: isoDate.describe('改动上线的日期'),
    policies: z.array(ref('policies')).min(1).describe('改了哪些政策页（trade-in、purchase、credit）'),
    facts: z.array(ref('policyFacts')).default([]).describe('涉及的事实（facts.yaml 中的 id），可不填'),
    summary: textField(300, { min: 6 })
      .refine((t) => /[。！？]$/u.test(t), { error: 'summary 要写成以句号结尾的完整句子' })
      .describe('改了什么，一两句完整的话'),
    reason: textField(300, { min: 6 })
      .refine((t) => /[。！？]$/u.test(t), { error: 'reason 要写成以句号结尾的完整句子' })
      .describe('为什么改：依据哪份文件或报道'),
  });
}
