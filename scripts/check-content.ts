/**
 * Checks every content file against the same schemas the build uses (one table of collections,
 * src/config/collections.ts), and the rules across files the build enforces, and reports every
 * problem at once, naming file and field:
 *   npm run check:content            (content/)
 *   CONTENT_DIR=tests/fixtures/site npm run check:content
 * Exit code 1 when anything is wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { imageSize } from 'image-size';
import type { z } from 'astro/zod';
import { COLLECTION_SOURCES, collectionFolder, collectionSchemas, contentDir, contentPath, type CollectionName } from '../src/config/collections.ts';
import { caseImageProblem, RESERVED_CASE_SLUGS } from '../src/schemas/case.ts';
import { plainRef, refId } from '../src/schemas/common.ts';
import { termsSchema } from '../src/schemas/terms.ts';
import { describeSchemaIssues, parseContentText } from '../src/lib/content-files.ts';
import { validatePlan, type PlanInput } from '../src/lib/plan/table.ts';
import { findNoticeProblems, type NoticeData } from '../src/lib/notice.ts';
import { CONFIDENCE_LABELS, findFactProblems, listUnconfirmed, resolveFact, type PolicyDocument, type PolicyFact } from '../src/lib/policy-facts.ts';
import { rulesFromFacts } from '../src/lib/subsidy/index.ts';
import { formatMdxProblems, mdxBodyProblems } from '../src/lib/mdx-guard.ts';
import { explainerProblems } from '../src/lib/mdx-facts.ts';
import { findSlugProblems } from '../src/lib/cases/cases.ts';
import { mdxComponentsFor } from '../src/config/mdx.ts';
import { eventIdProblem } from '../src/lib/event-ids.ts';

const root = process.cwd();
const CONTENT = contentDir();
const schemas: Record<CollectionName, z.ZodType> = collectionSchemas(plainRef);
// The same table the build reads (src/config/collections.ts): folders of files, and files of lists.
const collections = (Object.keys(COLLECTION_SOURCES) as CollectionName[]).flatMap((name) => {
  const source = COLLECTION_SOURCES[name];
  return 'folder' in source
    ? [{ name, dir: collectionFolder(name), ext: new RegExp(`\\.${source.ext}$`, 'u'), recursive: source.nested, schema: schemas[name] }]
    : [];
});
const lists = (Object.keys(COLLECTION_SOURCES) as CollectionName[]).flatMap((name) => {
  const source = COLLECTION_SOURCES[name];
  return 'file' in source ? [{ name, file: contentPath(source.file), schema: schemas[name] }] : [];
});

function listFiles(dir: string, ext: RegExp, recursive = false): string[] {
  const out: string[] = [];
  // A folder with nothing in it yet (no cases, say) is not in a git checkout at all.
  if (!existsSync(resolve(root, dir))) return out;
  for (const entry of readdirSync(resolve(root, dir), { withFileTypes: true, recursive })) {
    const path = relative(root, join(entry.parentPath, entry.name));
    const inside = relative(resolve(root, dir), join(entry.parentPath, entry.name));
    if (entry.isFile() && ext.test(entry.name) && !inside.split(/[\\/]/u).some((p) => p.startsWith('.'))) out.push(path);
  }
  return out.sort();
}

const problems: string[] = [];
// The build's loaders skip names that start with a dot: such a file would pass here and then
// silently not be published.
if (!existsSync(resolve(root, CONTENT))) {
  console.error(`内容文件夹 ${CONTENT} 不存在`);
  process.exit(1);
}
for (const entry of readdirSync(resolve(root, CONTENT), { withFileTypes: true, recursive: true })) {
  const path = relative(root, join(entry.parentPath, entry.name));
  const inside = relative(resolve(root, CONTENT), join(entry.parentPath, entry.name));
  const content = entry.isDirectory() || /\.(ya?ml|mdx?|json)$/u.test(entry.name);
  if (
    entry.name.startsWith('.') &&
    content &&
    !inside
      .split(/[\\/]/u)
      .slice(0, -1)
      .some((p) => p.startsWith('.'))
  ) {
    problems.push(`${path}：名字以“.”开头的${entry.isDirectory() ? '文件夹' : '文件'}不会发布到网站上。请改名，去掉开头的“.”`);
  }
}
const valid = new Map<string, Map<string, unknown>>();
let count = 0;
for (const { name, dir, ext, schema, recursive } of collections) {
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
  valid.set(name, entries);
}

const listed = new Map<string, unknown[]>();
for (const { name, file, schema } of lists) {
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
    listed.set(name, ok);
  } catch (error) {
    problems.push(`${file}：无法读取：${(error as Error).message}`);
  }
}
const FACTS = contentPath('policies/data/facts.yaml');
const facts = (listed.get('policyFacts') ?? []) as PolicyFact[];
const documents = (listed.get('policyDocuments') ?? []) as PolicyDocument[];
const today = new Date().toISOString().slice(0, 10);
problems.push(...findFactProblems(facts, documents).map((p) => `${FACTS}：${p}`));
try {
  rulesFromFacts(facts, today);
} catch (error) {
  problems.push(`${FACTS}：${(error as Error).message}`);
}

// Cross-file rules the build also enforces.
const at = (name: CollectionName, id: string) => {
  const source = COLLECTION_SOURCES[name];
  return 'folder' in source ? `${collectionFolder(name)}/${id}.${source.ext}` : contentPath(source.file);
};
for (const [id, notice] of valid.get('notice') ?? []) {
  for (const p of findNoticeProblems(notice as NoticeData)) problems.push(`${at('notice', id)}：${p}`);
}
for (const [id, plan] of valid.get('plan') ?? []) {
  for (const e of validatePlan(plan as PlanInput).errors) problems.push(`${at('plan', id)}：${e}`);
}
// Explainers: every figure from facts.yaml (no typed numbers), every cited fact known and sourced.
const factFor = (id: string) => resolveFact(facts, id, today) ?? facts.find((f) => f.id === id);
for (const [id, page] of valid.get('policies') ?? []) {
  const text = readFileSync(at('policies', id), 'utf8');
  const p = page as { year: number; sources: unknown[] };
  for (const problem of explainerProblems(text.replace(/^---[\s\S]*?\n---\n/u, ''), { year: p.year, sources: p.sources.map((x) => refId(x) ?? '') }, factFor))
    problems.push(`${at('policies', id)}：${problem}`);
}
const policyIds = new Set(valid.get('policies')?.keys());
// An event's id is its file name (events/demo/demo-nanjing-06.yaml -> demo-nanjing-06): one per id.
const eventFiles = new Map<string, string[]>();
for (const id of valid.get('events')?.keys() ?? []) {
  const name = id.split('/').at(-1)!;
  eventFiles.set(name, [...(eventFiles.get(name) ?? []), at('events', id)]);
  const problem = eventIdProblem(name);
  if (problem) problems.push(`${at('events', id)}：文件名就是活动编号，${problem}。请给文件改名`);
}
for (const [name, files] of eventFiles) {
  if (files.length > 1) problems.push(`活动编号 ${name} 重复：${files.join('、')}。文件名就是活动编号，请给其中一个改名`);
}
const eventIds = new Set(eventFiles.keys());
for (const [id, event] of valid.get('events') ?? []) {
  for (const p of (event as { policies: unknown[] }).policies) {
    if (!policyIds.has(refId(p) ?? ''))
      problems.push(`${at('events', id)}：字段 policies：没有名为“${refId(p)}”的政策解读（现有：${[...policyIds].join('、') || '无'}）`);
  }
}
// Policy changes (更新记录): each names pages and facts that exist.
const factIds = new Set(facts.map((f) => f.id));
for (const change of (listed.get('policyChanges') ?? []) as { id: string; policies: unknown[]; facts: unknown[] }[]) {
  for (const p of change.policies) {
    if (!policyIds.has(refId(p) ?? ''))
      problems.push(`${at('policyChanges', '')}（id: ${change.id}）：字段 policies：没有名为“${refId(p)}”的政策解读（现有：${[...policyIds].join('、')}）`);
  }
  for (const f of change.facts) {
    if (!factIds.has(refId(f) ?? '')) problems.push(`${at('policyChanges', '')}（id: ${change.id}）：字段 facts：facts.yaml 里没有“${refId(f)}”`);
  }
}
// Case pictures: the same limits the build applies (no SVG, not too many pixels).
for (const [id, c] of valid.get('cases') ?? []) {
  for (const [i, img] of ((c as { images?: { src: string }[] }).images ?? []).entries()) {
    const file = resolve(root, collectionFolder('cases'), dirname(id), img.src);
    const where = `${at('cases', id)}：字段 images 第${i + 1}张（${img.src}）`;
    try {
      const size = imageSize(readFileSync(file));
      const problem = caseImageProblem({ format: size.type ?? extname(file).slice(1), width: size.width, height: size.height });
      if (problem) problems.push(`${where}：${problem}`);
    } catch (error) {
      problems.push(
        /\.svg$/iu.test(img.src)
          ? `${where}：${caseImageProblem({ format: 'svg', width: 0, height: 0 })}`
          : `${where}：读不出图片（${(error as Error).message}）`,
      );
    }
  }
}
for (const [id, c] of valid.get('cases') ?? []) {
  for (const e of (c as { events: unknown[] }).events) {
    if (!eventIds.has(refId(e) ?? '') && !(c as { demo?: boolean }).demo) problems.push(`${at('cases', id)}：字段 events：没有编号为“${refId(e)}”的活动`);
  }
}
// A case's address is its file name: unique, and not a list page's.
problems.push(
  ...findSlugProblems(
    [...(valid.get('cases')?.keys() ?? [])].map((id) => id.split('/').at(-1)!),
    RESERVED_CASE_SLUGS,
  ).map((p) => `${collectionFolder('cases')}/：${p}`),
);

// The terms list (one word for one thing): each discouraged form listed once, never a term itself.
const TERMS = contentPath('terms.yaml');
try {
  const terms = termsSchema.safeParse(parseContentText(TERMS, readFileSync(TERMS, 'utf8')));
  if (!terms.success) problems.push(...describeSchemaIssues(TERMS, terms.error.issues));
  else {
    count += 1;
    const seen = new Map<string, string>();
    for (const t of terms.data) {
      for (const word of t.avoid) {
        if (seen.has(word)) problems.push(`${TERMS}：“${word}”在“${seen.get(word)}”和“${t.term}”下都列为不用的写法，只能列一次`);
        seen.set(word, t.term);
      }
    }
    for (const t of terms.data) if (seen.has(t.term)) problems.push(`${TERMS}：“${t.term}”是一个词条，又被“${seen.get(t.term)}”列为不用的写法`);
  }
} catch (error) {
  problems.push(`${TERMS}：无法读取：${(error as Error).message}`);
}

const unconfirmed = listUnconfirmed(facts);
if (unconfirmed.length > 0) {
  console.log(`尚待核实的政策事实 ${unconfirmed.length} 项（页面上标“待核实”；核对官方原文后请更新 ${FACTS}）：`);
  for (const f of unconfirmed) console.log(`  - ${f.id}：${f.label}（${CONFIDENCE_LABELS[f.confidence]}）`);
  console.log('');
}

if (problems.length > 0) {
  console.error(`检查了 ${count} 个内容文件，发现 ${problems.length} 处问题：`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`检查了 ${count} 个内容文件，没有发现问题。`);
