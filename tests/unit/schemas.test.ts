import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/schemas/case.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { noticeSchema } from '../../src/schemas/notice.ts';
import { planSchema } from '../../src/schemas/plan.ts';
import { channelSchema, policyDocumentSchema, policyFactSchema, policySchema, programmeStatusSchema } from '../../src/schemas/policy.ts';
import { describeSchemaIssues, parseContentText } from '../../src/lib/content-files.ts';
import type { z } from 'astro/zod';

/** Validates a fixture the way `npm run check:content` does and returns the editor's messages. */
function check(schema: z.ZodType, file: string): string[] {
  const result = schema.safeParse(parseContentText(file, readFileSync(file, 'utf8')));
  return result.success ? [] : describeSchemaIssues(file, result.error.issues);
}

describe('event schema', () => {
  const schema = eventSchema(plainRef);

  it('accepts a complete event and fills defaults', () => {
    const file = 'tests/fixtures/events/good-community.yaml';
    expect(check(schema, file)).toEqual([]);
    const parsed = schema.parse(parseContentText(file, readFileSync(file, 'utf8')));
    expect(parsed.hosts).toEqual([]);
    expect(parsed.demo).toBe(true);
  });

  it('names the file and every bad field in Chinese', () => {
    const file = 'tests/fixtures/events/bad-fields.yaml';
    const messages = check(schema, file);
    const byField = (field: string) => messages.find((m) => m.startsWith(`${file}：字段 ${field}：`));
    expect(byField('type')).toMatch(/无效选项/u);
    expect(byField('city')).toContain('设区市“nanjin”不存在。请填写以下之一：nanjing、wuxi');
    expect(byField('start')).toContain('不是真实存在的日期或时间');
    expect(messages.some((m) => m.includes('colour'))).toBe(true);
  });

  it('rejects a county of another city and an end before the start', () => {
    const messages = check(schema, 'tests/fixtures/events/bad-county.yaml');
    expect(messages).toContain('tests/fixtures/events/bad-county.yaml：字段 county：滨湖区属于无锡市，不属于南京市。请改正 city 或 county。');
    expect(messages).toContain('tests/fixtures/events/bad-county.yaml：字段 end：结束时间早于开始时间');
  });
});

describe('case schema', () => {
  const schema = caseSchema(plainRef);
  it('accepts a good case', () => {
    expect(check(schema, 'tests/fixtures/cases/good.mdx')).toEqual([]);
  });
  it('reports the bad date, the short summary and the bad source link by field', () => {
    const file = 'tests/fixtures/cases/bad.mdx';
    const messages = check(schema, file);
    expect(messages).toContain(`${file}：字段 published：日期格式应为 YYYY-MM-DD，例如 2026-03-05`);
    expect(messages).toContain(`${file}：字段 figures[0].source.url：链接必须以 https:// 开头（不接受 javascript: 等其他写法）`);
    expect(messages.some((m) => m.startsWith(`${file}：字段 summary：`))).toBe(true);
  });
});

describe('policy schema', () => {
  it('requires a summary and at least one source', () => {
    const file = 'tests/fixtures/policies/bad.mdx';
    const messages = check(policySchema(plainRef), file);
    expect(messages.some((m) => m.startsWith(`${file}：字段 summary：`))).toBe(true);
    expect(messages.some((m) => m.startsWith(`${file}：字段 sources：`))).toBe(true);
    expect(messages.some((m) => m.startsWith(`${file}：字段 lastChecked：日期格式应为`))).toBe(true);
  });
});

describe('notice and plan files', () => {
  it('the notice file satisfies its schema', () => {
    expect(check(noticeSchema, 'tests/fixtures/site/notice/2026-66.yaml')).toEqual([]);
  });
  it('a plan naming an unknown city fails with the list of valid ones', () => {
    const data = parseContentText('p.yaml', readFileSync('tests/fixtures/site/plan/2026.yaml', 'utf8')) as { rows: { city: string }[] };
    data.rows[0]!.city = 'jiangyin';
    const result = planSchema(plainRef).safeParse(data);
    expect(result.success).toBe(false);
    expect(describeSchemaIssues('tests/fixtures/site/plan/2026.yaml', result.error!.issues)[0]).toBe(
      'tests/fixtures/site/plan/2026.yaml：字段 rows[0].city：设区市“jiangyin”不存在。请填写以下之一：nanjing、wuxi、xuzhou、changzhou、suzhou、nantong、lianyungang、huaian、yancheng、yangzhou、zhenjiang、taizhou、suqian',
    );
  });
  it('a frontmatter-less MDX file is reported by name', () => {
    expect(() => parseContentText('tests/fixtures/site/cases/x.mdx', '# 无 frontmatter')).toThrow(
      'tests/fixtures/site/cases/x.mdx：开头缺少 --- 包起来的 frontmatter',
    );
  });
});

describe('Shanghai times', async () => {
  const { isRealShanghaiTime, parseLooseDate, isRealMoment } = await import('../../src/lib/dates.ts');
  it('one reader for dates as people type them, shared by the import and the calculator', () => {
    expect(parseLooseDate('2026年3月5日 9时30分')).toEqual({ y: 2026, mo: 3, d: 5, h: 9, mi: 30, hasTime: true });
    expect(parseLooseDate('2012/5/1')).toEqual({ y: 2012, mo: 5, d: 1, h: 0, mi: 0, hasTime: false });
    expect(parseLooseDate('20120501')?.d).toBe(1);
    expect(parseLooseDate('五月一日')).toBeUndefined();
    expect(isRealMoment({ y: 2026, mo: 2, d: 29, h: 0, mi: 0 })).toBe(false);
    expect(isRealMoment({ y: 2028, mo: 2, d: 29, h: 23, mi: 59 })).toBe(true);
  });
  it('accepts real moments and rejects impossible ones', () => {
    expect(isRealShanghaiTime('2026-03-05T09:00+08:00')).toBe(true);
    expect(isRealShanghaiTime('2028-02-29T23:59:59+08:00')).toBe(true);
    expect(isRealShanghaiTime('2026-02-29T09:00+08:00')).toBe(false);
    expect(isRealShanghaiTime('2026-04-31T09:00+08:00')).toBe(false);
    expect(isRealShanghaiTime('2026-03-05T24:00+08:00')).toBe(false);
    expect(isRealShanghaiTime('2026-03-05T09:00Z')).toBe(false);
  });
});

describe('policy data gets the same text rules as events', () => {
  const fact = {
    id: 'x-fact',
    label: '报废旧车，购买新能源乘用车',
    statement: '补贴{value}。',
    value: { type: 'amount', amount: 100 },
    from: '2026-01-01',
    to: '2026-12-31',
    documents: ['doc'],
    confidence: 'A',
  };
  const doc = { id: 'doc', title: '关于某事项的通知', issuer: '某部门', confidence: 'A' };

  it('invisible reordering, zero-width and control characters are removed', () => {
    const f = policyFactSchema(plainRef).parse({ ...fact, label: '报废\u202E旧车\u200B，购买\u0007新车', note: '说明\u2066文字' });
    expect(f.label).toBe('报废旧车，购买新车');
    expect(f.note).toBe('说明文字');
    expect(policyDocumentSchema.parse({ ...doc, title: '关于\u202E某事项的通知' }).title).toBe('关于某事项的通知');
    expect(channelSchema.parse({ id: 'c', order: 1, name: '苏服办\u200B', how: '在\u202E手机上搜索', programmes: ['replace'], confidence: 'B' }).name).toBe(
      '苏服办',
    );
  });

  it('a runaway label, title or statement is refused with its length, not published', () => {
    const long = policyFactSchema(plainRef).safeParse({ ...fact, label: '很'.repeat(10_000) });
    expect(long.success).toBe(false);
    expect(long.error!.issues[0]!.message).toBe('最多 80 个字，现在有 10000 个字，请删减');
    expect(policyDocumentSchema.safeParse({ ...doc, title: '长'.repeat(500) }).success).toBe(false);
    expect(policyFactSchema(plainRef).safeParse({ ...fact, statement: `${'句'.repeat(400)}{value}。` }).success).toBe(false);
    expect(
      programmeStatusSchema(plainRef).safeParse({ id: 's', city: 'nanjing', programme: 'scrap', status: 'unknown', note: '注'.repeat(1000) }).success,
    ).toBe(false);
  });
});
