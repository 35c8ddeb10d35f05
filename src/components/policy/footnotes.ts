/**
 * The page's footnote state (set by an explainer in Astro.locals): each rule's number in the
 * rules table, and which rule's first mention has claimed the anchor (#ref-<topic>) that the
 * table's back link returns to.
 */
type Footnotes = App.Locals['footnotes'];

/** The rule's number in the page's rules table, or 0 outside a numbered page. */
export function footnoteNumber(notes: Footnotes, topic: string): number {
  return notes ? notes.order.indexOf(topic) + 1 : 0;
}

/** The anchor id for the first mention of a rule on the page; undefined for later mentions. */
export function claimAnchor(notes: Footnotes, topic: string): string | undefined {
  if (!notes || notes.seen.has(topic)) return undefined;
  notes.seen.add(topic);
  return `ref-${topic}`;
}
