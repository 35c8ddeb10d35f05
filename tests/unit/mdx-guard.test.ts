/**
 * Editors' MDX bodies are content, not code: everything that could run at build time or in a
 * reader's browser is refused with the file's line and a Chinese explanation, and the pages'
 * own bodies pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_MDX_COMPONENTS, POLICY_MDX_COMPONENTS, mdxComponentsFor } from '../../src/config/mdx.ts';
import { formatMdxProblems, mdxBodyProblems } from '../../src/lib/mdx-guard.ts';

const policy = (body: string) => mdxBodyProblems(`---\ntitle: 示例\n---\n\n${body}\n`, POLICY_MDX_COMPONENTS);
const lines = (body: string) => policy(body).map((p) => p.line);
const text = (body: string) =>
  policy(body)
    .map((p) => p.message)
    .join('\n');

describe("MDX bodies: Markdown and the site's components only", () => {
  it('refuses import/export, and says the line', () => {
    expect(lines('import { readFileSync } from "node:fs"')).toEqual([5]);
    expect(text('export const x = process.env')).toContain('不能有 import 或 export');
  });

  it('refuses expressions that would run at build time', () => {
    expect(text('{readFileSync("/etc/passwd", "utf8")}')).toContain('不能有花括号表达式');
    expect(text('车价 {process.env.HOME} 元')).toContain('不能有花括号表达式');
  });

  it('refuses raw HTML elements: script, meta refresh, img with onerror, iframe', () => {
    for (const html of [
      '<script>alert(1)</script>',
      '<meta http-equiv="refresh" content="1;url=https://example.org" />',
      '<img src="x" onerror="alert(1)" />',
      '<iframe src="https://example.org" />',
      '文字 <b>粗</b>',
    ]) {
      const problems = policy(html);
      expect(problems.length, html).toBeGreaterThan(0);
      expect(problems[0]!.message, html).toMatch(/不能用 HTML 元素 <[a-z]+>/u);
    }
  });

  it('refuses components outside the map, spread props and props that are code', () => {
    expect(text('<Evil />')).toContain('不能用组件 <Evil>');
    expect(text('<Fact {...props} />')).toContain('不能用 {...} 展开属性');
    expect(text('<Fact id="x" cite={globalThis.process.exit()} />')).toContain('不是简单的值');
    expect(text('<WorkedExample price={150000 + fetch("https://example.org")} />')).toContain('不是简单的值');
  });

  it("allows Markdown, the site's components and plain props", () => {
    expect(policy('## 标题\n\n**粗体**、[链接](https://www.gov.cn/)、列表：\n\n- 一\n- 二')).toEqual([]);
    expect(policy('<Fact id="tradein-scrap-nev" cite={false} /> <WorkedExample mode="replace" price={150000} show={[\'trade-in\']} loanRate={3.5} />')).toEqual(
      [],
    );
    expect(policy('<Steps>\n\n1. 第一步\n\n</Steps>')).toEqual([]);
  });

  it('text MDX would misread gets a Chinese message with its line, not an English build error', () => {
    const [lt] = policy('第一行\n\n车价<15万元的车');
    expect(lt!.line).toBe(7);
    expect(lt!.message).toContain('全角“＜”');
    const [brace] = policy('{{7*7}}');
    expect(brace!.message).toContain('花括号');
    // Characters that only look like brackets are ordinary text.
    expect(policy('车价‹15万元，（含）【注】')).toEqual([]);
  });

  it('case bodies are Markdown only', () => {
    expect(mdxComponentsFor('content/cases/demo/x.mdx')).toEqual(CASE_MDX_COMPONENTS);
    expect(mdxComponentsFor('/site/content/policies/trade-in.mdx')).toEqual(POLICY_MDX_COMPONENTS);
    expect(mdxBodyProblems('<Fact id="x" />', mdxComponentsFor('content/cases/a.mdx'))[0]!.message).toContain('只能用 Markdown');
  });

  it('names the file and line the way check:content prints it', () => {
    expect(formatMdxProblems('content/cases/a.mdx', [{ line: 3, message: '不行。' }])).toEqual(['content/cases/a.mdx 第3行：不行。']);
  });

  it("the site's own MDX passes", () => {
    for (const dir of ['tests/fixtures/site/policies', 'tests/fixtures/site/cases/demo', 'tests/fixtures/cases']) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.mdx') && n !== 'bad.mdx')) {
        const file = join(dir, f);
        expect(mdxBodyProblems(readFileSync(file, 'utf8'), mdxComponentsFor(file)), file).toEqual([]);
      }
    }
  });
});
