/**
 * Regenerates content/regions/jiangsu.json from the research file
 * content/sources/jiangsu-divisions.json (or a path given as the first argument).
 *
 * Run once a year after re-checking codes against the 民政部 list:
 *   npm run regions
 *   npm run regions -- path/to/new-divisions.json
 *
 * The output is what editors and the site read; ids are stable pinyin slugs so that
 * events and cases can say `city: nanjing` / `county: nanjing-xuanwu`.
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { toRegionEntries, type SourceDivision } from '../src/lib/regions.ts';

const source = resolve(process.argv[2] ?? 'content/sources/jiangsu-divisions.json');
const target = resolve('content/regions/jiangsu.json');
const divisions = JSON.parse(readFileSync(source, 'utf8')) as SourceDivision[];
const entries = toRegionEntries(divisions);
const tmp = `${target}.tmp`;
writeFileSync(tmp, JSON.stringify(entries, null, 2) + '\n');
renameSync(tmp, target);
console.log(`已写入 ${entries.length} 个行政区划到 ${target}`);
