/**
 * What the sheet checker's Web Worker sends back to the page: plain text only, which the page
 * puts on screen as text (src/client/dom.ts), never as HTML.
 */
export interface SheetCheckReport {
  /** The file could not be read at all: one message. */
  refused?: string;
  /** How the file was read (encoding, worksheet). */
  info: string[];
  /** Things to know that do not stop the sheet (formulas, the skipped example row …). */
  notes: string[];
  /** Each problem as `npm run import -- --dry-run` prints it, in the same words. */
  problems: string[];
  /** Events found. */
  count: number;
  /** The first events, for a preview table. */
  preview: { row: number; title: string; place: string; time: string; venue: string }[];
}

/** What the page sends to the worker: the file's name and bytes (transferred, never copied or sent). */
export interface SheetCheckRequest {
  name: string;
  bytes: ArrayBuffer;
}
