/**
 * Per-page state shared between a page and the components it renders. An explainer sets
 * `footnotes` before rendering its MDX, so every <Fact> can print its number in the page's
 * rules table, and the first citation of each rule gets the anchor the table links back to.
 */
declare namespace App {
  interface Locals {
    footnotes?: { order: string[]; seen: Set<string> };
  }
}
