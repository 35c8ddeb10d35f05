/**
 * Makes N synthetic events for tests and benchmarks, outside content/:
 *   npm run generate -- 5000 [--out .cache/synthetic-5000]
 * Events are spread over every county and month of the campaign year, near each county's
 * seat, with a fixed random seed so the same N always gives the same files. They are marked
 * demo (示例) so nothing synthetic can ever pass for a real event.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventToYaml } from '../src/lib/import/index.ts';
import type { EventItem } from '../src/lib/events/events.ts';
import { EVENT_TYPES } from '../src/lib/event-labels.ts';
import type { RegionEntry } from '../src/lib/regions.ts';
import { REGIONS } from '../src/schemas/common.ts';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/u.test(a)) ?? 500);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1]! : `.cache/synthetic-${n}`;

/** mulberry32: a tiny seeded PRNG, so runs are repeatable. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20260101);
const counties = (REGIONS as RegionEntry[]).filter((r) => r.parent !== null);
const pad = (x: number) => String(x).padStart(2, '0');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (let i = 0; i < n; i++) {
  const county = counties[i % counties.length]!;
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const hour = 9 + Math.floor(rand() * 5);
  const type = EVENT_TYPES[Math.floor(rand() * EVENT_TYPES.length)]!;
  const e: EventItem = {
    id: `synthetic-${String(i + 1).padStart(5, '0')}`,
    title: `合成测试活动${i + 1}`,
    year: 2026,
    type,
    level: rand() < 0.3 ? 'city' : 'county',
    city: county.parent!,
    county: county.id,
    venue: { name: `${county.name}测试场地${(i % 7) + 1}`, address: `${county.name}测试路${i + 1}号` },
    lat: Math.round((county.lat + (rand() - 0.5) * 0.08) * 1e5) / 1e5,
    lng: Math.round((county.lng + (rand() - 0.5) * 0.08) * 1e5) / 1e5,
    start: `2026-${pad(month)}-${pad(day)}T${pad(hour)}:00+08:00`,
    end: `2026-${pad(month)}-${pad(day)}T${pad(hour + 4)}:00+08:00`,
    organisers: [`${county.name}商务局`],
    hosts: [],
    brands: ['测试品牌'],
    services: ['policy-advice'],
    policies: ['trade-in'],
    status: 'confirmed',
    notes: '合成数据，仅用于测试和性能评估。',
    demo: true,
  };
  const dir = join(out, e.city);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${e.id}.yaml`), eventToYaml(e));
}
console.log(`已在 ${out} 生成 ${n} 个合成活动（标为示例）。`);
