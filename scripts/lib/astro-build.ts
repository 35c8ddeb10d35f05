/**
 * `astro build` for benchmarks, with the content-layer and Vite caches in a folder of its own:
 *   node scripts/lib/astro-build.ts <root> <outDir> <cacheDir>
 * The CLI has no flag for cacheDir, and the default (node_modules/.astro) is shared with every
 * other build in this checkout; a fresh cacheDir per run also makes every measured build cold.
 * Same code path as the CLI, whose build command calls this same function. After the build it
 * writes <cacheDir>/route-files.json (route → the files it produced), so the benchmark can add
 * up Astro's per-page render times by route.
 */
import { build } from 'astro';
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [root, outDir, cacheDir] = process.argv.slice(2).map((p) => resolve(p));
if (!root || !outDir || !cacheDir) throw new Error('用法：node scripts/lib/astro-build.ts <root> <outDir> <cacheDir>');

const routeFiles: AstroIntegration = {
  name: 'bench-route-files',
  hooks: {
    'astro:build:done': ({ assets }) => {
      const files = Object.fromEntries([...assets].map(([route, urls]) => [route, urls.map((u) => `/${relative(outDir, fileURLToPath(u))}`)]));
      writeFileSync(`${cacheDir}/route-files.json`, JSON.stringify(files));
    },
  },
};

process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Vite's dependency cache too (default <root>/node_modules/.vite), for the same two reasons.
await build({ root, outDir, cacheDir, vite: { cacheDir: `${cacheDir}/vite` }, integrations: [routeFiles] });
