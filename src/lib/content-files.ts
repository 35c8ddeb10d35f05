/**
 * Reading content files outside Astro (import script, content check, tests) and turning
 * schema failures into sentences that name the file and the field. Pure: text in, data out.
 */
import { load as parseYaml } from 'js-yaml';

/** The data of a content file: YAML/JSON as a whole, Markdown/MDX by its frontmatter. */
export function parseContentText(file: string, text: string): unknown {
  const source = text.replace(/^\uFEFF/u, '');
  if (/\.(ya?ml)$/u.test(file)) return parseYaml(source);
  if (/\.json$/u.test(file)) return JSON.parse(source);
  if (/\.mdx?$/u.test(file)) {
    const m = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/u.exec(source);
    if (!m) throw new Error(`${file}：开头缺少 --- 包起来的 frontmatter`);
    return parseYaml(m[1] ?? '') ?? {};
  }
  throw new Error(`${file}：不认识的文件类型`);
}

/** The shape of a schema issue that we read (Zod's, and Astro's forwarding of it). */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** "venue.name", "organisers[0]"; an empty path is the whole entry. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** One line per issue: file, field, message — in Chinese, for editors. */
export function describeSchemaIssues(file: string, issues: readonly SchemaIssue[]): string[] {
  return issues.map((issue) => {
    const field = formatPath(issue.path);
    return field ? `${file}：字段 ${field}：${issue.message}` : `${file}：${issue.message}`;
  });
}
