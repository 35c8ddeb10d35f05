/**
 * Checks every content file against the same schemas the build uses, and reports every
 * problem at once, naming file and field:
 *   npm run check:content
 * Exit code 1 when anything is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { imageSize } from 'image-size';
import type { z } from 'astro/zod';
import { caseImageProblem, caseSchema } from '../src/schemas/case.ts';
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
import { formatMdxProblems, mdxBodyProblems } from '../src/lib/mdx-guard.ts';
import { mdxComponentsFor } from '../src/config/mdx.ts';
import { eventIdProblem } from '../src/lib/event-ids.ts';

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
    const path = relative(root, join(entry.parentPath, entry.name));
    if (entry.isFile() && ext.test(entry.name) && !path.split(/[\\/]/u).some((p) => p.startsWith('.'))) out.push(path);
  }
  return out.sort();
}

const problems: string[] = [];
// The build's loaders skip names that start with a dot: such a file would pass here and then
// silently not be published.
for (const entry of readdirSync(join(root, 'content'), { withFileTypes: true, recursive: true })) {
  const path = relative(root, join(entry.parentPath, entry.name));
  const content = entry.isDirectory() || /\.(ya?ml|mdx?|json)$/u.test(entry.name);
  if (entry.name.startsWith('.') && content && !path.split(/[\\/]/u).slice(0, -1).some((p) => p.startsWith('.'))) {
    problems.push(`${path}：名字以“.”开头的${entry.isDirectory() ? '文件夹' : '文件'}不会发布到网站上。请改名，去掉开头的“.”`);
  }
}
const valid = new Map<string, Map<string, unknown>>();
let count = 0;
for (const { dir, ext, schema, recursive } of collections) {
  const entries = new Map<string, unknown>();
  for (const file of listFiles(dir, ext, recursive)) {
    count += 1;
    try {
      const text = readFileSync(file, 'utf8');
      // The body: Markdown and the site's own components only, nothing that runs (as the build).
      if (file.endsWith('.mdx')) problems.push(...formatMdxProblems(file, mdxBodyProblems(text, mdxComponentsFor(file))));
      const result = schema.safeParse(parseContentText(file, text));
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
for (const id of valid.get('content/events')?.keys() ?? []) {
  const problem = eventIdProblem(id.split('/').at(-1)!);
  if (problem) problems.push(`content/events/${id}.yaml：文件名就是活动编号，${problem}。请给文件改名`);
}
for (const [id, event] of valid.get('content/events') ?? []) {
  for (const p of (event as { policies: unknown[] }).policies) {
    if (!policyIds.has(refId(p) ?? '')) problems.push(`content/events/${id}.yaml：字段 policies：没有名为“${refId(p)}”的政策解读（content/policies/ 中现有：${[...policyIds].join('、') || '无'}）`);
  }
}
// Case pictures: the same limits the build applies (no SVG, not too many pixels).
for (const [id, c] of valid.get('content/cases') ?? []) {
  for (const [i, img] of ((c as { images?: { src: string }[] }).images ?? []).entries()) {
    const file = join(root, 'content/cases', dirname(id), img.src);
    const where = `content/cases/${id}.mdx：字段 images 第${i + 1}张（${img.src}）`;
    try {
      const size = imageSize(readFileSync(file));
      const problem = caseImageProblem({ format: size.type ?? extname(file).slice(1), width: size.width, height: size.height });
      if (problem) problems.push(`${where}：${problem}`);
    } catch (error) {
      problems.push(/\.svg$/iu.test(img.src) ? `${where}：${caseImageProblem({ format: 'svg', width: 0, height: 0 })}` : `${where}：读不出图片（${(error as Error).message}）`);
    }
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
