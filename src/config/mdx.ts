/**
 * The components an editor's MDX may use, by kind of content: the keys of the MDX component map
 * the page renders it with (src/components/policy/mdx-components.ts for explainers; none for
 * cases, whose bodies are Markdown only). The build and `npm run check:content` refuse any other
 * element, and any import, export or expression (src/lib/mdx-guard.ts).
 */
export const POLICY_MDX_COMPONENTS = [
  'Calculator',
  'Callout',
  'Channels',
  'Fact',
  'FactSentence',
  'FactTable',
  'OfficialOnly',
  'Period',
  'StatusTable',
  'Steps',
  'WorkedExample',
] as const;

export const CASE_MDX_COMPONENTS = [] as const;

/** The allowed components for an MDX file, by its path: explainers, or Markdown only. */
export function mdxComponentsFor(path: string): readonly string[] {
  return /[\\/]policies[\\/][^\\/]+\.mdx$/u.test(path) ? POLICY_MDX_COMPONENTS : CASE_MDX_COMPONENTS;
}
