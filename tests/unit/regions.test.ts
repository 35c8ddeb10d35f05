import { describe, expect, it } from 'vitest';
import regions from '../../content/regions/jiangsu.json' with { type: 'json' };
import source from '../../content/sources/jiangsu-divisions.json' with { type: 'json' };
import {
  CITY_SLUGS,
  countiesOf,
  countyOptions,
  findRegionProblems,
  isInsideJiangsu,
  shortNameOf,
  slugFromEnglishName,
  toRegionEntries,
  type RegionEntry,
  type SourceDivision,
} from '../../src/lib/regions.ts';
import { regionSchema } from '../../src/schemas/region.ts';
import { plainRef } from '../../src/schemas/common.ts';

const entries = regions as RegionEntry[];

describe('region data', () => {
  it('has the 13 cities with the agreed slugs, in code order', () => {
    expect(entries.filter((r) => r.type === 'city').map((r) => r.id)).toEqual([...CITY_SLUGS]);
  });

  it('has 95 county-level divisions: 55 districts, 21 county-level cities, 19 counties', () => {
    const count = (t: string) => entries.filter((r) => r.type === t).length;
    expect([count('district'), count('county-city'), count('county')]).toEqual([55, 21, 19]);
  });

  it('passes every structural check: parents exist, codes match parents, seats inside Jiangsu', () => {
    expect(findRegionProblems(entries)).toEqual([]);
  });

  it('every entry satisfies the schema', () => {
    const schema = regionSchema(plainRef);
    for (const r of entries) expect(schema.safeParse(r).success, r.id).toBe(true);
  });

  it('is exactly what the generator makes from the research file (no hand edits drift)', () => {
    expect(toRegionEntries(source as SourceDivision[])).toEqual(entries);
  });

  it('gives each city its counties', () => {
    expect(countiesOf(entries, 'nanjing')).toHaveLength(11);
    expect(countiesOf(entries, 'suqian').map((r) => r.name)).toEqual(['宿城区', '宿豫区', '沭阳县', '泗阳县', '泗洪县']);
  });

  it("gives the pickers each city's counties as [id, slug, name]", () => {
    const options = countyOptions(entries);
    expect(Object.keys(options)).toEqual([...CITY_SLUGS]);
    expect(options.suzhou?.find(([, slug]) => slug === 'kunshan')).toEqual(['suzhou-kunshan', 'kunshan', '昆山市']);
    expect(Object.values(options).flat()).toHaveLength(95);
  });

  it('keeps the two 鼓楼区 apart', () => {
    const gulou = entries.filter((r) => r.name === '鼓楼区').map((r) => r.id);
    expect(gulou).toEqual(['nanjing-gulou', 'xuzhou-gulou']);
  });
});

describe('region helpers', () => {
  it('slugs English names', () => {
    expect(slugFromEnglishName("Huai'an District")).toBe('huaian');
    expect(slugFromEnglishName('Feng County')).toBe('feng');
    expect(slugFromEnglishName('Zhangjiagang')).toBe('zhangjiagang');
  });

  it('short names drop the suffix unless one character would remain', () => {
    expect(shortNameOf('南京市')).toBe('南京');
    expect(shortNameOf('雨花台区')).toBe('雨花台');
    expect(shortNameOf('丰县')).toBe('丰县');
  });

  it('finds seats outside Jiangsu and orphans', () => {
    const bad = entries.map((r) => (r.id === 'nanjing-xuanwu' ? { ...r, lat: 39.9, lng: 116.4 } : r.id === 'wuxi-binhu' ? { ...r, parent: 'nowhere' } : r));
    const problems = findRegionProblems(bad);
    expect(problems).toContain('玄武区（320102）的坐标 39.9,116.4 不在江苏范围内');
    expect(problems).toContain('滨湖区（320211）的上级 nowhere 不存在');
    expect(isInsideJiangsu(32.06, 118.79)).toBe(true);
    expect(isInsideJiangsu(31.23, 121.47 + 1)).toBe(false);
  });
});
