/** Search logic: best bets, question words, event labels, excerpts and page metadata. */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { matchBestBets, normaliseQuery, termScore, type BestBet } from '../../src/lib/search/best-bets.ts';
import { eventDateLabel, eventTimeState } from '../../src/lib/search/event-status.ts';
import { buildExcerpt, markWords } from '../../src/lib/search/excerpt.ts';
import { pageSearchMeta, placeWords, type SearchMetaContext } from '../../src/lib/search/page-meta.ts';
import { topicWords } from '../../src/lib/search/query.ts';
import { sectionOf } from '../../src/lib/search/sections.ts';
import { bestBetSchema } from '../../src/schemas/search.ts';
import { REGIONS } from '../../src/schemas/common.ts';
import { SEARCH_QUERIES } from '../fixtures/search-queries.ts';

const bets = (load(readFileSync('tests/fixtures/site/search/best-bets.yaml', 'utf8')) as unknown[]).map((b) => bestBetSchema.parse(b));

describe('best bets', () => {
  it('the content file is valid, ids are unique and every term is at least two characters', () => {
    expect(new Set(bets.map((b) => b.id)).size).toBe(bets.length);
    for (const b of bets) for (const t of b.terms) expect([...normaliseQuery(t)].length, `${b.id}: ${t}`).toBeGreaterThanOrEqual(2);
  });

  it('normalises full-width letters, case, spaces and brackets', () => {
    expect(normaliseQuery('苏商建函〔2026〕66号')).toBe('苏商建函202666号');
    expect(normaliseQuery(' ＮＥＶ 补贴 ')).toBe('nev补贴');
  });

  it('finds a term inside a question, and the longer term wins', () => {
    const found = matchBestBets('报废车能补多少钱', bets);
    expect(found.map((b) => b.id)).toEqual(expect.arrayContaining(['trade-in', 'calculator']));
    expect(matchBestBets('没有旧车能领补贴吗', bets)[0]?.id).toBe('purchase');
    expect(matchBestBets('买电车要交购置税吗', bets)[0]?.id).toBe('purchase');
  });

  it('matches Latin terms as whole words only', () => {
    expect(termScore('NEV补贴', 'nev')).toBe(3);
    expect(termScore('review', 'ev')).toBe(0);
    expect(termScore('ev', 'ev')).toBe(2);
  });

  it('shows a term being typed (a prefix of two characters or more)', () => {
    expect(termScore('以旧', '以旧换新')).toBeGreaterThan(0);
    expect(termScore('以', '以旧换新')).toBe(0);
  });

  it('keeps the editors’ order on ties, at most three, one per page', () => {
    const list: BestBet[] = [
      { id: 'a', url: '/a/', terms: ['车展'] },
      { id: 'b', url: '/b/', terms: ['车展'] },
      { id: 'c', url: '/a/', terms: ['车展'] },
      { id: 'd', url: '/d/', terms: ['车展'] },
      { id: 'e', url: '/e/', terms: ['车展'] },
    ];
    expect(matchBestBets('车展', list).map((b) => b.id)).toEqual(['a', 'b', 'd']);
  });

  it('respects the chosen section and city', () => {
    const list: BestBet[] = [
      { id: 'events', url: '/events/', terms: ['车展'], section: '活动' },
      { id: 'nj', url: '/cities/nanjing/', terms: ['南京'], section: '活动', city: 'nanjing' },
    ];
    expect(matchBestBets('车展 南京', list, { city: 'nanjing' }).map((b) => b.id)).toEqual(['nj']);
    expect(matchBestBets('车展 南京', list, { section: '政策' })).toEqual([]);
  });

  it('answers every best-bet-shaped query in the search test list', () => {
    // Queries whose expected page is an editor's best bet are answered by the bets alone.
    const byUrl = new Set(bets.map((b) => b.url));
    for (const c of SEARCH_QUERIES.filter((x) => x.expect.every((u) => byUrl.has(u)))) {
      const shown = matchBestBets(c.q, bets).map((b) => b.url);
      expect(
        shown.some((u) => c.expect.includes(u)),
        c.q,
      ).toBe(true);
    }
  });
});

describe('questions to topic words', () => {
  it('drops question words and particles, never parts of words', () => {
    expect(topicWords('贷款买车贴息怎么申请')).not.toContain('怎么');
    expect(topicWords('新能源车能补多少').join('')).toContain('新能源');
    expect(topicWords('吗？')).toEqual([]);
  });
});

describe('event time in results', () => {
  const now = new Date('2026-11-27T10:00:00+08:00');
  it('says upcoming, ongoing, ended or cancelled by the visitor’s clock', () => {
    expect(eventTimeState('2026-12-05T09:00+08:00', '2026-12-05T17:00+08:00', now)).toBe('upcoming');
    expect(eventTimeState('2026-11-27T09:00+08:00', '2026-11-27T17:00+08:00', now)).toBe('ongoing');
    expect(eventTimeState('2026-01-03T09:00+08:00', '2026-01-04T17:00+08:00', now)).toBe('ended');
    expect(eventTimeState('2026-12-05T09:00+08:00', '2026-12-05T17:00+08:00', now, true)).toBe('cancelled');
    expect(eventTimeState('x', 'y', now)).toBeUndefined();
  });
  it('writes the date as written in the event (Beijing time), across days and months', () => {
    expect(eventDateLabel('2026-12-05T09:00+08:00', '2026-12-05T17:00+08:00')).toBe('2026年12月5日');
    expect(eventDateLabel('2026-12-05T09:00+08:00', '2026-12-06T17:00+08:00')).toBe('2026年12月5日—6日');
    expect(eventDateLabel('2026-02-28T09:00+08:00', '2026-03-01T17:00+08:00')).toBe('2026年2月28日—3月1日');
  });
});

describe('clean excerpts', () => {
  const content = '汽车​以​旧​换​新. 报废或卖掉名下的旧车、再买新车，可以领补贴。以上按本页生成的日期判断。怎么申请以旧换新补贴：先确认旧车符合条件。';
  it('marks whole words, not single characters, and starts at a sentence', () => {
    const parts = buildExcerpt(content, ['以旧换新']);
    const text = parts.map((p) => p.text).join('');
    const marked = parts.filter((p) => p.mark).map((p) => p.text);
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['以旧换新']));
    expect(text).not.toContain('\u200b');
    expect(text.startsWith('汽车以旧换新')).toBe(true);
  });
  it('skips the title the result already shows', () => {
    const text = buildExcerpt('示例 社区车展. 南京市 建邺区。居民可以办理以旧换新。', ['以旧换新', '社区车展'], 72, '示例 社区车展')
      .map((p) => p.text)
      .join('');
    expect(text).not.toContain('示例');
    expect(text).toContain('以旧换新');
  });
  it('returns nothing when no searched word of two characters is on the page', () => {
    expect(buildExcerpt(content, ['特斯拉'])).toEqual([]);
    expect(buildExcerpt(content, ['以'])).toEqual([]);
  });
  it('marks case-insensitively and keeps the text as written', () => {
    expect(markWords('NEV 车型', ['nev'])).toEqual([
      { text: 'NEV', mark: true },
      { text: ' 车型', mark: false },
    ]);
  });
});

describe('page search metadata', () => {
  const ctx: SearchMetaContext = {
    regions: REGIONS,
    events: new Map([
      ['demo-suzhou-24', { city: 'suzhou', county: 'suzhou-kunshan', start: '2026-12-12T09:00+08:00', end: '2026-12-12T17:00+08:00', status: 'planned' }],
    ]),
    cases: new Map([['x', { city: 'nanjing', county: 'nanjing-jianye' }]]),
    terms: new Map([['/events/', ['车展', '车博会']]]),
    betTargets: new Set(['/events/', '/cities/suzhou/kunshan/']),
  };
  it('gives each path its section', () => {
    expect(sectionOf('/policies/calculator/')).toBe('计算器');
    expect(sectionOf('/policies/trade-in/')).toBe('政策');
    expect(sectionOf('/cases/x/')).toBe('案例');
    expect(sectionOf('/')).toBe('本站');
    expect(sectionOf('/media')).toBe('数据');
  });
  it('a county page carries its city, its names and pinyin, and is a best-bet target', () => {
    const m = pageSearchMeta('/cities/suzhou/kunshan/', ctx);
    expect(m).toMatchObject({ section: '活动', city: '苏州市', bestBet: true });
    expect(m.keywords).toEqual(expect.arrayContaining(['昆山市', '昆山', 'kunshan']));
  });
  it('an event page carries its times and city; a case its city', () => {
    expect(pageSearchMeta('/events/demo-suzhou-24/', ctx)).toMatchObject({ city: '苏州市', event: { start: '2026-12-12T09:00+08:00', cancelled: false } });
    expect(pageSearchMeta('/cases/x/', ctx).city).toBe('南京市');
    expect(pageSearchMeta('/cases/city/wuxi/', ctx).city).toBe('无锡市');
  });
  it('a page gets the words of the best bets that point at it', () => {
    expect(pageSearchMeta('/events/', ctx).keywords).toEqual(['车展', '车博会']);
  });
  it('one-character short names are not used as words', () => {
    expect(placeWords({ name: '沛县', shortName: '沛', slug: 'pei' })).toEqual(['沛县', 'pei']);
  });
});

describe("results by the visitor's date", () => {
  it('keeps relevance order, but ended events after pages and events to come, and cancelled ones last', async () => {
    const { rankByTime } = await import('../../src/lib/search/event-status.ts');
    const now = new Date('2026-12-05T10:00:00+08:00');
    const ev = (id: string, day: string, cancelled = false) => ({
      id,
      meta: { start: `${day}T09:00:00+08:00`, end: `${day}T17:00:00+08:00`, ...(cancelled ? { cancelled: '1' } : {}) },
    });
    const page = (id: string) => ({ id, meta: { title: id } });
    const ranked = rankByTime(
      [
        ev('ended-a', '2026-11-01'),
        ev('cancelled', '2026-12-20', true),
        page('policy'),
        ev('soon', '2026-12-12'),
        ev('today', '2026-12-05'),
        ev('ended-b', '2026-10-01'),
      ],
      now,
    );
    expect(ranked.map((r) => r.id)).toEqual(['policy', 'soon', 'today', 'ended-a', 'ended-b', 'cancelled']);
  });

  it('every result is ranked by the day its event ends before any is downloaded: ended after the rest, cancelled last', async () => {
    const { endsFilterValue, endsGroups, rankIdsByTime } = await import('../../src/lib/search/event-status.ts');
    expect(endsFilterValue('2026-12-06T17:00:00+08:00', false)).toBe('2026-12-06');
    expect(endsFilterValue('2026-12-06T17:00:00+08:00', true)).toBe('已取消');
    // The values a search returned, on the visitor's day 2026-12-05: an event ending today is still on.
    const groups = endsGroups({ '2026-12-04': 2, '2026-12-05': 1, '2027-01-03': 4, '2026-01-04': 1, 已取消: 1, '2026-11-30': 0 }, '2026-12-05');
    expect(groups).toEqual({ ended: ['2026-01-04', '2026-12-04'], cancelled: ['已取消'] });
    expect(endsGroups(undefined, '2026-12-05')).toEqual({ ended: [], cancelled: [] });
    const ids = ['old', 'policy', 'gone', 'soon', 'older', 'case'].map((id) => ({ id }));
    const ranked = rankIdsByTime(ids, new Set(['old', 'older']), new Set(['gone']));
    expect(ranked.map((r) => r.id)).toEqual(['policy', 'soon', 'case', 'old', 'older', 'gone']);
  });
});
