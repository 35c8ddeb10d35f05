/**
 * How many pages `astro build` renders at once (Astro's build.concurrency). While one page's
 * file is being written the next is rendered: with one at a time, a build with 20,000 events
 * spent a third of its time waiting for the disk. BUILD_CONCURRENCY overrides it.
 */
export const BUILD_CONCURRENCY_DEFAULT = 8;

export function buildConcurrency(env: string | undefined = process.env.BUILD_CONCURRENCY): number {
  const n = Number(env);
  return Number.isInteger(n) && n >= 1 ? n : BUILD_CONCURRENCY_DEFAULT;
}
