/**
 * An editor's MDX body is Markdown plus the site's own components, and nothing that runs: no
 * import/export, no {expressions}, no raw HTML elements (<script>, <meta http-equiv>, <img
 * onerror>), and component props that are plain values (text, numbers, true/false, lists of
 * those). The build refuses a body that breaks this before it is compiled, and
 * `npm run check:content` names the file, line and element in Chinese — also for ordinary text
 * that MDX would misread ("车价<15万元", "{{7*7}}").
 *
 * Parsing is Sätteri's, the same parser the build uses, so both see the same tree.
 */
import { mdxToMdast } from 'satteri';

export interface MdxProblem {
  line: number;
  message: string;
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
}

/** A prop value MDX would evaluate, allowed only when it is a plain value. */
const SCALAR = String.raw`(?:-?\d+(?:\.\d+)?|true|false|'[^'\\\n]*'|"[^"\\\n]*")`;
const PLAIN_VALUE = new RegExp(String.raw`^\s*(?:${SCALAR}|\[\s*(?:${SCALAR}(?:\s*,\s*${SCALAR})*\s*,?)?\s*\])\s*$`, 'u');

/** Blank lines in place of the frontmatter, so line numbers stay those of the file. */
function withoutFrontmatter(source: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/u.exec(source);
  return m ? m[0].replace(/[^\n]/gu, '') + source.slice(m[0].length) : source;
}

const lineOf = (node: Node): number => node.position?.start.line ?? 0;
const short = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Explains Sätteri's parse errors ("9:9: Unexpected character after `<`…") in Chinese. */
function explainParseError(message: string): MdxProblem {
  const m = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)$/su.exec(message);
  const line = m ? Number(m[1]) : 0;
  const column = m ? Number(m[2]) : 0;
  const text = m?.[3] ?? message;
  const where = column ? `第${column}个字符附近` : '';
  if (/expression|brace|`\{`|`\}`/iu.test(text)) {
    return { line, message: `${where}有花括号“{”或“}”：MDX 会把它当成要运行的代码。正文里要写花括号，请改用全角“｛｝”，或写成“\\{”“\\}”。` };
  }
  if (/`<`|before name|JSX tag|mdx-jsx/iu.test(text)) {
    return { line, message: `${where}有“<”：MDX 会把它当成组件或 HTML 标签的开头。正文里要写小于号，请改用全角“＜”或“小于”，或写成“\\<”。` };
  }
  return { line, message: `MDX 无法读懂这里（${text}）。请检查尖括号“<>”、花括号“{}”是否成对，或改用全角符号。` };
}

/**
 * Every way the body breaks the rule, with its line. `components` are the names the page may
 * use (the MDX component map); an empty list allows Markdown only.
 */
export function mdxBodyProblems(source: string, components: readonly string[]): MdxProblem[] {
  let tree: Node;
  try {
    tree = mdxToMdast(withoutFrontmatter(source)) as unknown as Node;
  } catch (error) {
    return [explainParseError((error as Error).message)];
  }
  const allowed = new Set(components);
  const list = components.length ? `可用的组件：${components.join('、')}` : '这类内容只能用 Markdown，不能用组件';
  const problems: MdxProblem[] = [];
  const walk = (node: Node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({ line: lineOf(node), message: '正文不能有 import 或 export 语句：网站的组件不用导入，可以直接写；其他代码一律不允许。' });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push({
          line: lineOf(node),
          message: `正文不能有花括号表达式“{${short(String(node.value ?? ''))}}”：MDX 会把它当成代码运行。要写花括号，请改用全角“｛｝”，或写成“\\{”“\\}”。`,
        });
        break;
      case 'html':
        problems.push({ line: lineOf(node), message: '正文不能直接写 HTML。请用 Markdown 写，或用网站提供的组件。' });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!allowed.has(name)) {
          problems.push({
            line: lineOf(node),
            message:
              name && /^[a-z]/u.test(name)
                ? `正文不能用 HTML 元素 <${name}>（可能用来运行脚本或把读者引到别的网站）。请用 Markdown 写。${list}。`
                : `正文不能用组件 <${name || '（空）'}>。${list}。`,
          });
          break;
        }
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute') {
            problems.push({ line: lineOf(node), message: `<${name}> 不能用 {...} 展开属性，请逐个写明属性。` });
          } else if (attr.value !== null && typeof attr.value === 'object') {
            const code = String((attr.value as { value?: unknown }).value ?? '');
            if (!PLAIN_VALUE.test(code)) {
              problems.push({
                line: lineOf(node),
                message: `<${name}> 的属性 ${attr.name ?? ''}={${short(code, 40)}} 不是简单的值：属性只能写文字、数字、true/false，或它们的列表，例如 price={150000}、show={['trade-in']}。`,
              });
            }
          }
        }
        break;
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return problems.sort((a, b) => a.line - b.line);
}

/** The problems as the build and check:content print them: "file 第N行：…". */
export function formatMdxProblems(file: string, problems: readonly MdxProblem[]): string[] {
  return problems.map((p) => `${file}${p.line ? ` 第${p.line}行` : ''}：${p.message}`);
}

/**
 * The build's side: a Sätteri plugin factory that checks each MDX file before it is parsed and
 * stops the build with the same Chinese messages; it adds no plugin of its own. `componentsFor`
 * gives the allowed components for a file path.
 */
export function mdxGuardPlugin(componentsFor: (path: string) => readonly string[]) {
  return (ctx: { fileURL: URL | undefined; sourceFormat: string; source: string }): null => {
    if (ctx.sourceFormat !== 'mdx') return null;
    const path = ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname) : '（未知文件）';
    const problems = mdxBodyProblems(ctx.source, componentsFor(path));
    if (problems.length) throw new Error(`内容文件的正文有不允许的写法：\n  - ${formatMdxProblems(path, problems).join('\n  - ')}`);
    return null;
  };
}
