/**
 * Checks every content file against the same schemas the build uses, and reports every
 * problem at once, naming file and field:
 *   npm run check:content
 * Exit code 1 when anything is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { caseSchema } from '../src/schemas/case.ts';
import { contactSchema } from '../src/schemas/contact.ts';
import { bestBetSchema } from '../src/schemas/search.ts';
import { plainRef, refId } from '../src/schemas/common.ts';
import { eventSchema } from '../src/schemas/event.ts';
import { noticeSchema } from '../src/schemas/notice.ts';
import { planSchema } from '../src/schemas/plan.ts';
import { channelSchema, policyDocumentSchema, policyFactSchema, policySchema, programmeStatusSchema } from '../src/schemas/policy.ts';
import { describeSchemaIssues, parseContentText } from '../src/lib/content-files.ts';
import { validatePlan, type PlanInput } from '../src/lib/plan.ts';
import { findNoticeProblems, type NoticeData } from '../src/lib/notice.ts';
import { CONFIDENCE_LABELS, findFactProblems, listUnconfirmed, type PolicyDocument, type PolicyFact } from '../src/lib/policy-facts.ts';
import { rulesFromFacts } from '../src/lib/subsidy.ts';

const root = process.cwd();
const collections: { dir: string; ext: RegExp; schema: z.ZodType; recursive?: boolean }[] = [
  { dir: 'content/notice', ext: /\.ya?ml$/u, schema: noticeSchema },
  { dir: 'content/plan', ext: /\.ya?ml$/u, schema: planSchema(plainRef) },
  { dir: 'content/policies', ext: /\.mdx$/u, schema: policySchema(plainRef) },
  { dir: 'content/events', ext: /\.ya?ml$/u, schema: eventSchema(plainRef), recursive: true },
  { dir: 'content/cases', ext: /\.mdx$/u, schema: caseSchema(plainRef), recursive: true },
];

/** Data files holding a list of entries, each checked on its own. */
const lists: { file: string; schema: z.ZodType }[] = [
  { file: 'content/policies/data/documents.yaml', schema: policyDocumentSchema },
  { file: 'content/policies/data/facts.yaml', schema: policyFactSchema(plainRef) },
  { file: 'content/policies/data/status.yaml', schema: programmeStatusSchema(plainRef) },
  { file: 'content/policies/data/channels.yaml', schema: channelSchema },
  { file: 'content/contacts/contacts.yaml', schema: contactSchema(plainRef) },
  { file: 'content/search/best-bets.yaml', schema: bestBetSchema },
];

function listFiles(dir: string, ext: RegExp, recursive = false): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive })) {
    if (entry.isFile() && ext.test(entry.name)) out.push(relative(root, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

const problems: string[] = [];
const valid = new Map<string, Map<string, unknown>>();
let count = 0;
for (const { dir, ext, schema, recursive } of collections) {
  const entries = new Map<string, unknown>();
  for (const file of listFiles(dir, ext, recursive)) {
    count += 1;
    try {
      const result = schema.safeParse(parseContentText(file, readFileSync(file, 'utf8')));
      if (result.success) entries.set(relative(dir, file).replace(ext, ''), result.data);
      else problems.push(...describeSchemaIssues(file, result.error.issues));
    } catch (error) {
      problems.push(`${file}：无法读取：${(error as Error).message}`);
    }
  }
  valid.set(dir, entries);
}

const listed = new Map<string, unknown[]>();
for (const { file, schema } of lists) {
  count += 1;
  try {
    const items = parseContentText(file, readFileSync(file, 'utf8'));
    if (!Array.isArray(items)) throw new Error('应为一个列表（每项以 - 开头）');
    const ok: unknown[] = [];
    items.forEach((item, i) => {
      const result = schema.safeParse(item);
      if (result.success) ok.push(result.data);
      else problems.push(...describeSchemaIssues(`${file} 第${i + 1}项（id: ${(item as { id?: string })?.id ?? '?'}）`, result.error.issues));
    });
    listed.set(file, ok);
  } catch (error) {
    problems.push(`${file}：无法读取：${(error as Error).message}`);
  }
}
const facts = (listed.get('content/policies/data/facts.yaml') ?? []) as PolicyFact[];
const documents = (listed.get('content/policies/data/documents.yaml') ?? []) as PolicyDocument[];
problems.push(...findFactProblems(facts, documents).map((p) => `content/policies/data/facts.yaml：${p}`));
try {
  rulesFromFacts(facts, new Date().toISOString().slice(0, 10));
} catch (error) {
  problems.push(`content/policies/data/facts.yaml：${(error as Error).message}`);
}

// Cross-file rules the build also enforces.
for (const [id, notice] of valid.get('content/notice') ?? []) {
  for (const p of findNoticeProblems(notice as NoticeData)) problems.push(`content/notice/${id}.yaml：${p}`);
}
for (const [id, plan] of valid.get('content/plan') ?? []) {
  for (const e of validatePlan(plan as PlanInput).errors) problems.push(`content/plan/${id}.yaml：${e}`);
}
const policyIds = new Set(valid.get('content/policies')?.keys());
// Cases name an event by its file name (content/events/demo/demo-nanjing-06.yaml -> demo-nanjing-06).
const eventIds = new Set([...(valid.get('content/events')?.keys() ?? [])].map((k) => k.split('/').at(-1)!));
for (const [id, event] of valid.get('content/events') ?? []) {
  for (const p of (event as { policies: unknown[] }).policies) {
    if (!policyIds.has(refId(p) ?? '')) problems.push(`content/events/${id}.yaml：字段 policies：没有名为“${refId(p)}”的政策解读（content/policies/ 中现有：${[...policyIds].join('、') || '无'}）`);
  }
}
for (const [id, c] of valid.get('content/cases') ?? []) {
  for (const e of (c as { events: unknown[] }).events) {
    if (!eventIds.has(refId(e) ?? '') && !(c as { demo?: boolean }).demo) problems.push(`content/cases/${id}.mdx：字段 events：没有编号为“${refId(e)}”的活动`);
  }
}

const unconfirmed = listUnconfirmed(facts);
if (unconfirmed.length > 0) {
  console.log(`尚待核实的政策事实 ${unconfirmed.length} 项（页面上标“待核实”；核对官方原文后请更新 content/policies/data/facts.yaml）：`);
  for (const f of unconfirmed) console.log(`  - ${f.id}：${f.label}（${CONFIDENCE_LABELS[f.confidence]}）`);
  console.log('');
}

if (problems.length > 0) {
  console.error(`检查了 ${count} 个内容文件，发现 ${problems.length} 处问题：`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`检查了 ${count} 个内容文件，没有发现问题。`);
