/**
 * Building blocks shared by every content schema. Schemas are written once here and used by
 * the site (src/content.config.ts, with Astro's reference()), by the scripts and by the tests
 * (with plain string ids), so that an import and a build judge a file the same way.
 */
import { z } from 'astro/zod';
import regionsJson from '../../content/regions/jiangsu.json' with { type: 'json' };
import type { RegionEntry } from '../lib/regions.ts';
import { cleanText, isSafeUrl } from '../lib/text.ts';

// Every message a schema produces is read by editors: Simplified Chinese.
z.config(z.locales.zhCN());

/** Collections that other collections point at. */
export type RefTarget = 'regions' | 'policies' | 'events' | 'notice' | 'policyDocuments' | 'policyFacts';

/**
 * Makes the schema of a field that names an entry of another collection. The site passes
 * Astro's `reference`; scripts and tests use {@link plainRef}.
 */
export type RefFactory = (collection: RefTarget) => z.ZodType<RefValue, string>;

/** What a reference field holds after parsing: a plain id, or Astro's `{ collection, id }`. */
export type RefValue = string | { id: string; collection: string };

/** A reference checked only for shape: a non-empty id string. */
export const plainRef: RefFactory = () => z.string().min(1);

/** The id inside a parsed reference field. */
export function toId(value: RefValue): string {
  return typeof value === 'string' ? value : value.id;
}

/** The region list every schema checks city and county names against. */
export const REGIONS = regionsJson as RegionEntry[];
const regionById = new Map(REGIONS.map((r) => [r.id, r]));
const cityIds = REGIONS.filter((r) => r.type === 'city').map((r) => r.id);

/** Reads the id out of a plain id or an Astro reference object. */
export function refId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id);
  return undefined;
}

/** A city field: one of the 13 city slugs, with a message that lists them. */
export function cityField(ref: RefFactory) {
  return z
    .string({ error: '缺少设区市（city）' })
    .refine((id) => regionById.get(id)?.type === 'city', {
      error: (issue) => `设区市“${String(issue.input)}”不存在。请填写以下之一：${cityIds.join('、')}`,
    })
    .pipe(ref('regions'))
    .describe('设区市 id，例如 nanjing。见 content/regions/jiangsu.json 中 type 为 city 的条目。');
}

/** A county field: a county-level region id such as nanjing-xuanwu. */
export function countyField(ref: RefFactory) {
  return z
    .string()
    .refine((id) => regionById.has(id) && regionById.get(id)?.type !== 'city', {
      error: (issue) => `县（市、区）“${String(issue.input)}”不存在。请用 content/regions/jiangsu.json 中的 id，例如 nanjing-xuanwu。`,
    })
    .pipe(ref('regions'))
    .describe('县（市、区）id，形如 <设区市>-<拼音>，例如 nanjing-xuanwu。');
}

/**
 * Adds the "county belongs to city" rule to an object schema's check. Call from superRefine.
 */
export function checkCountyInCity(
  value: { city?: unknown; county?: unknown },
  ctx: { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void },
): void {
  const city = refId(value.city);
  const county = refId(value.county);
  if (!city || !county) return;
  const region = regionById.get(county);
  if (region && region.parent !== city) {
    const parent = region.parent ? regionById.get(region.parent)?.name : '';
    ctx.addIssue({
      code: 'custom',
      path: ['county'],
      message: `${region.name}属于${parent}，不属于${regionById.get(city)?.name ?? city}。请改正 city 或 county。`,
    });
  }
}

/**
 * Display text from an editor or a city sheet: invisible reordering and control characters are
 * removed (see cleanText), and the length is limited so one runaway cell cannot swamp a page,
 * a feed or the search index. Messages say the limit in characters, as editors count them.
 * Single-line by default; `multiline` keeps line breaks (备注).
 */
export function textField(max: number, { min = 1, multiline = false }: { min?: number; multiline?: boolean } = {}) {
  return (
    z
      .string({ error: '应为文字' })
      // A name or an address is one line: line breaks and tabs pasted from a sheet become spaces.
      .transform((s) =>
        multiline
          ? cleanText(s)
          : cleanText(s)
              .replace(/\s*[\t\r\n]+\s*/gu, ' ')
              .trim(),
      )
      .pipe(
        z
          .string()
          .min(min, { error: min <= 1 ? '不能为空' : `至少 ${min} 个字` })
          .max(max, { error: (issue) => `最多 ${max} 个字，现在有 ${String(issue.input).length} 个字，请删减` }),
      )
  );
}

/**
 * A link that may be shown as clickable: https only (http where a source has no https is allowed
 * with `allowHttp`). javascript:, data: and other schemes are refused, whatever the text says.
 */
export function safeUrl({ allowHttp = false }: { allowHttp?: boolean } = {}) {
  return z.string({ error: '链接应为完整网址（https://…）' }).refine((url) => isSafeUrl(url, { allowHttp }), {
    error: allowHttp ? '链接必须以 https:// 或 http:// 开头' : '链接必须以 https:// 开头（不接受 javascript: 等其他写法）',
  });
}

/** A source that backs a fact: who says it, in which document, when, and where to read it. */
export const sourceSchema = z
  .strictObject({
    title: textField(120).describe('文件或报道的标题'),
    issuer: textField(80).describe('发布机关或媒体'),
    docNumber: textField(60).optional().describe('文号；没有或未查到就不填，切勿编造'),
    date: z
      .preprocess(dateToText, z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: '日期格式应为 YYYY-MM-DD 或 YYYY-MM' }))
      .optional()
      .describe('发布日期'),
    url: safeUrl().optional().describe('官方原文链接；没有确切链接就不填'),
  })
  .describe('出处');
export type Source = z.infer<typeof sourceSchema>;

/**
 * YAML turns an unquoted 2026-03-05 into a Date (js-yaml, as Astro uses it). Dates are kept as
 * text so that output never depends on the build machine's time zone.
 */
export function dateToText(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

/** yyyy-mm-dd text. */
export const isoDate = z.preprocess(
  dateToText,
  z.string({ error: '日期格式应为 YYYY-MM-DD，例如 2026-03-05' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD，例如 2026-03-05' }),
);
