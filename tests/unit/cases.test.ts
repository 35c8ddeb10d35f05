/** Cases, citations, share cards, QR codes, feeds and per-city data: the pure parts. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byPublishedDesc, caseCounts, caseTitle, findSlugProblems, lastChanged } from '../../src/lib/cases/cases.ts';
import { beijingDate, citeOnlineResource } from '../../src/lib/cases/cite.ts';
import { escapeXml, shareCardSvg } from '../../src/lib/cases/share-card.ts';
import { caseIllustrationSvg } from '../../src/lib/cases/illustration.ts';
import { CITY_PLAN_COLUMNS, cityPlanRows } from '../../src/lib/cities/city-data.ts';
import { toCsv } from '../../src/lib/csv.ts';
import { feedDate, latestUpdates, type UpdateItem } from '../../src/lib/rss/items.ts';
import { qrPath } from '../../src/lib/qr.ts';
import jsQR from 'jsqr';
import { caseSchema, RESERVED_CASE_SLUGS } from '../../src/schemas/case.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { contactSchema } from '../../src/schemas/contact.ts';
import { parseContentText } from '../../src/lib/content-files.ts';
import { load } from 'js-yaml';

describe('case content', () => {
  const files = readdirSync('tests/fixtures/site/cases/demo').filter((f) => f.endsWith('.mdx'));
  it('every demo case is valid, marked demo, and its figures say 示例数据', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const data = caseSchema(plainRef).parse(
        parseContentText(`tests/fixtures/site/cases/demo/${f}`, readFileSync(`tests/fixtures/site/cases/demo/${f}`, 'utf8')),
      );
      expect(data.demo, f).toBe(true);
      expect(data.images.length, f).toBeGreaterThan(0);
      for (const fig of data.figures) expect(fig.source.title, f).toContain('示例数据');
    }
  });
  it('a demo case whose figure does not say 示例 is refused, with the fix in the message', () => {
    const text = readFileSync('tests/fixtures/cases/good.mdx', 'utf8').replace('示例数据（非真实统计）', '某报道');
    const r = caseSchema(plainRef).safeParse(parseContentText('x.mdx', text));
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('示例数据');
  });
  it('the bad fixture fails on its date, summary and link', () => {
    const r = caseSchema(plainRef).safeParse(parseContentText('bad.mdx', readFileSync('tests/fixtures/cases/bad.mdx', 'utf8')));
    expect(r.success).toBe(false);
    const paths = (r.error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['summary', 'published', 'figures.0.source.url']));
  });
  it('contacts: only verified entries may carry a phone, and none is invented', () => {
    const list = (load(readFileSync('tests/fixtures/site/contacts/contacts.yaml', 'utf8')) as unknown[]).map((c) => contactSchema(plainRef).parse(c));
    expect(list.find((c) => c.id === 'hotline-12345')).toMatchObject({ phone: '12345', verified: true });
    for (const c of list.filter((x) => !x.verified)) expect(c.phone ?? c.url, c.id).toBeUndefined();
    expect(list.filter((c) => c.city).length).toBe(13);
  });
});

describe('case helpers', () => {
  it('marks demo titles, orders newest first and counts by city and scene', () => {
    expect(caseTitle({ title: '做法', demo: true })).toBe('【示例】做法');
    expect(caseTitle({ title: '做法', demo: false })).toBe('做法');
    const list = [
      { published: '2026-01-02', slug: 'b' },
      { published: '2026-03-01', slug: 'a' },
      { published: '2026-01-02', slug: 'a' },
    ];
    expect([...list].sort(byPublishedDesc).map((c) => c.slug + c.published)).toEqual(['a2026-03-01', 'a2026-01-02', 'b2026-01-02']);
    expect(lastChanged({ published: '2026-01-02', updated: '2026-02-01' })).toBe('2026-02-01');
    const counts = caseCounts([{ city: 'nanjing', type: 'community' }], ['nanjing', 'wuxi']);
    expect(counts.cities).toEqual([
      ['nanjing', 1],
      ['wuxi', 0],
    ]);
    expect(counts.scenes.find(([t]) => t === 'community')?.[1]).toBe(1);
  });
  it('refuses a slug that takes a listing page’s address or repeats', () => {
    expect(findSlugProblems(['city', 'a', 'a'], RESERVED_CASE_SLUGS)).toHaveLength(2);
  });
});

describe('citation (GB/T 7714-2015, electronic resource)', () => {
  it('writes author. title[EB/OL]. (date)[cited]. url.', () => {
    expect(
      citeOnlineResource({ author: '江苏省商务厅', title: '某案例', date: '2026-06-15', cited: '2026-11-27', url: 'https://example.gov.cn/cases/x/' }),
    ).toBe('江苏省商务厅. 某案例[EB/OL]. (2026-06-15)[2026-11-27]. https://example.gov.cn/cases/x/.');
  });
  it('the citing day is the day in Beijing', () => {
    expect(beijingDate(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
    expect(beijingDate(new Date('2026-11-26T15:59:00Z'))).toBe('2026-11-26');
  });
});

describe('share card and pictures', () => {
  it('escapes text, says 示例 for demo cases only, and is 1200×630', () => {
    const svg = shareCardSvg({ title: '<script>&"', place: '南京市', date: '2026年6月15日', demo: true, siteName: '站', kicker: '典型案例' });
    expect(svg).toContain('&lt;script&gt;&amp;&quot;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('示例');
    expect(svg).toContain('width="1200" height="630"');
    expect(shareCardSvg({ title: 't', place: 'p', date: 'd', demo: false, siteName: 's', kicker: 'k' })).not.toContain('示例');
    expect(escapeXml(`a'b`)).toBe('a&apos;b');
  });
  it('a long title wraps to at most three lines', () => {
    const svg = shareCardSvg({ title: '很长的标题'.repeat(20), place: 'p', date: 'd', demo: false, siteName: 's', kicker: 'k' });
    expect(svg.match(/font-size="60"/gu)).toHaveLength(3);
    expect(svg).toContain('…');
  });
  it('demo pictures say 示例图片 and 示意图 in the drawing itself', () => {
    const svg = caseIllustrationSvg({ scene: '进社区', caption: '示意图（示例）', sky: '#fff', ground: '#eee', accent: '#00f' });
    expect(svg).toContain('示例图片');
    expect(svg).toContain('示意图');
  });
});

describe('QR codes', () => {
  it('are deterministic square paths sized for the text', () => {
    const a = qrPath('https://example.gov.cn/events/demo-nanjing-01/');
    expect(a).toEqual(qrPath('https://example.gov.cn/events/demo-nanjing-01/'));
    expect(a.size).toBeGreaterThanOrEqual(21);
    expect(a.d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/u);
    expect(qrPath('https://example.gov.cn/x/').d).not.toBe(a.d);
  });

  it('decode to their text: every demo event page, and 400 addresses of other lengths', () => {
    const urls = [
      ...readdirSync('tests/fixtures/site/events/demo')
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `https://example.gov.cn/events/${f.replace(/\.yaml$/u, '')}/`),
      ...Array.from(
        { length: 400 },
        (_, i) => `https://www.jiangsu-wujin.example.gov.cn/events/${'suzhou-kunshan-'.slice(0, i % 16)}${i}-${'x'.repeat(i % 23)}/`,
      ),
    ];
    for (const url of urls) {
      const { size, d } = qrPath(url);
      // Drawn as a printer would: 4 px per module, a 4-module white margin.
      const px = 4;
      const side = (size + 8) * px;
      const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
      for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)/gu)) {
        const [x, y, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
        for (let yy = (y + 4) * px; yy < (y + 5) * px; yy++) {
          for (let xx = (x + 4) * px; xx < (x + 4 + run) * px; xx++) rgba.fill(0, (yy * side + xx) * 4, (yy * side + xx) * 4 + 3);
        }
      }
      expect(jsQR(rgba, side, side)?.data, url).toBe(url);
    }
  });
});

describe('feeds', () => {
  const item = (path: string, date: string, category: UpdateItem['category'] = '活动'): UpdateItem => ({ title: path, path, date, description: '', category });
  it('newest first across kinds, cut to the limit, deterministic on ties', () => {
    const out = latestUpdates([[item('/a/', '2026-01-01'), item('/b/', '2026-03-01')], [item('/c/', '2026-03-01', '案例')]], 2);
    expect(out.map((i) => i.path)).toEqual(['/c/', '/b/']);
  });
  it('a date means midnight in Beijing', () => {
    expect(feedDate('2026-06-15').toISOString()).toBe('2026-06-14T16:00:00.000Z');
  });
});

describe('per-city data', () => {
  it('twelve rows, BOM, CRLF, formula-safe cells', () => {
    const rows = cityPlanRows(
      { code: '320100', name: '=南京市' },
      Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, planned: { city: 1, county: 2 }, published: 0 })),
    );
    const csv = toCsv(CITY_PLAN_COLUMNS, rows);
    expect(csv.startsWith('\uFEFFcity_code,city,month,plan_city_level,plan_county_level,published_events\r\n')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(13);
    expect(csv).toContain(`'=南京市`);
  });
});
