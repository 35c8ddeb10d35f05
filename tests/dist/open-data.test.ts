/**
 * The open-data files are what datapackage.json says they are: every resource exists, every CSV
 * has exactly the declared columns in order, and every cell fits its declared type. The policy
 * rules (policy-facts.csv / .json) carry one row per fact, each marked as the site's reading.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { load as parse } from 'js-yaml';

const dist = process.env.E2E_DIST ?? 'dist';
const content = process.env.E2E_GATE ? 'content' : 'tests/fixtures/site';

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'datetime';
  title: string;
}
interface Resource {
  name: string;
  path: string;
  format: string;
  schema?: { fields: Field[] };
}
const pkg = JSON.parse(readFileSync(join(dist, 'data/datapackage.json'), 'utf8')) as { resources: Resource[] };

/** Whether a CSV cell fits a Frictionless field type (an empty cell is a missing value). */
function fits(type: Field['type'], cell: string): boolean {
  if (cell === '') return true;
  if (type === 'integer') return /^-?\d+$/u.test(cell);
  if (type === 'number') return Number.isFinite(Number(cell));
  if (type === 'datetime') return !Number.isNaN(Date.parse(cell));
  return true;
}

describe('open data against datapackage.json', () => {
  it('every resource exists; every CSV has the declared columns and every cell fits its type', () => {
    expect(pkg.resources.length).toBeGreaterThan(10);
    for (const r of pkg.resources) {
      const file = join(dist, 'data', r.path);
      expect(existsSync(file), r.path).toBe(true);
      if (r.format === 'json') expect(() => JSON.parse(readFileSync(file, 'utf8')), r.path).not.toThrow();
      if (r.format !== 'csv' || !r.schema) continue;
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('\uFEFF'), r.path).toBe(true);
      const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
      expect(rows[0], r.path).toEqual(r.schema.fields.map((f) => f.name));
      for (const f of r.schema.fields) expect(f.title, `${r.path} ${f.name}`).toMatch(/\p{Script=Han}/u);
      for (const [i, row] of rows.slice(1).entries()) {
        expect(row.length, `${r.path} 第${i + 2}行`).toBe(r.schema.fields.length);
        r.schema.fields.forEach((f, c) => expect(fits(f.type, row[c]!), `${r.path} 第${i + 2}行 ${f.name}=${row[c]}`).toBe(true));
      }
    }
  });

  it('the policy rules: one row per fact, with value, validity, status, confidence, sources and the site-reading mark', () => {
    const facts = parse(readFileSync(join(content, 'policies/data/facts.yaml'), 'utf8')) as { id: string; confidence: string; checked?: string }[];
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dist, 'data/policy-facts.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r['id']).sort()).toEqual(facts.map((f) => f.id).sort());
    for (const r of rows) {
      const fact = facts.find((f) => f.id === r['id'])!;
      expect(r['confidence']).toBe(fact.confidence);
      expect(['现行', '尚未施行', '已到期', '已由新规定取代']).toContain(r['status']);
      expect(r['reading']).toContain('以发文机关官方发布为准');
      expect(r['statement']).toMatch(/。$/u);
      if (fact.confidence === 'unknown') expect(r['value']).toBe('待核实');
      if (fact.checked) expect(r['checked']).toBe(String(fact.checked).slice(0, 10));
    }
    // Facts on a page whose programme has an application deadline say it (or that it is not announced).
    expect(rows.find((r) => r['id'] === 'tradein-scrap-nev')?.['application_deadline']).toMatch(/^(\d{4}-\d{2}-\d{2}|尚未公布)$/u);
    const json = JSON.parse(readFileSync(join(dist, 'data/policy-facts.json'), 'utf8')) as { reading: string; facts: { id: string }[]; documents: { id: string }[] };
    expect(json.reading).toContain('以发文机关官方发布为准');
    expect(json.facts.map((f) => f.id)).toEqual(rows.map((r) => r['id']));
    expect(json.documents.length).toBeGreaterThan(5);
  });
});

describe('policy changes (更新记录)', () => {
  it('each change is in the feed, links to its own entry on a policy page, and that page shows it dated', () => {
    const changes = parse(readFileSync(join(content, 'policies/data/changes.yaml'), 'utf8')) as { id: string; date: string | Date; policies: string[]; summary: string }[];
    const feed = readFileSync(join(dist, 'policies/changes.xml'), 'utf8');
    const links = [...feed.matchAll(/<link>([^<]+)<\/link>/gu)].map((m) => m[1]!).slice(1);
    expect(links).toHaveLength(changes.length);
    for (const c of changes) {
      const day = c.date instanceof Date ? c.date.toISOString().slice(0, 10) : String(c.date);
      const link = links.find((l) => l.endsWith(`#change-${c.id}`));
      expect(link, c.id).toBeDefined();
      for (const policy of c.policies) {
        const html = readFileSync(join(dist, 'policies', policy, 'index.html'), 'utf8');
        const entry = new RegExp(`<li id="change-${c.id}">[\\s\\S]*?</li>`, 'u').exec(html)?.[0] ?? '';
        expect(entry, `${policy} ${c.id}`).toContain(`datetime="${day}"`);
        expect(entry).toContain(c.summary.slice(0, 20));
      }
    }
    // The site-wide feed carries them too.
    const all = readFileSync(join(dist, 'rss.xml'), 'utf8');
    for (const c of changes) expect(all).toContain(`#change-${c.id}`);
  });
});
