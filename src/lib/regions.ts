/**
 * Pure helpers for Jiangsu's administrative divisions (13 设区市 and their 95 county-level
 * divisions). No astro:* imports: used by the site, the scripts and the tests alike.
 */

/** Kinds of division, as in GB/T 2260 practice. */
export const REGION_TYPES = ['city', 'district', 'county-city', 'county'] as const;
export type RegionType = (typeof REGION_TYPES)[number];

/** Chinese label for each kind of division. */
export const REGION_TYPE_LABELS: Record<RegionType, string> = {
  city: '设区市',
  district: '市辖区',
  'county-city': '县级市',
  county: '县',
};

/** The 13 city slugs, in the order of their GB/T 2260 codes (the order the notice uses). */
export const CITY_SLUGS = [
  'nanjing',
  'wuxi',
  'xuzhou',
  'changzhou',
  'suzhou',
  'nantong',
  'lianyungang',
  'huaian',
  'yancheng',
  'yangzhou',
  'zhenjiang',
  'taizhou',
  'suqian',
] as const;
export type CitySlug = (typeof CITY_SLUGS)[number];

/** A rough box around Jiangsu (WGS-84); every seat must fall inside it. */
export const JIANGSU_BOUNDS = { minLat: 30.7, maxLat: 35.2, minLng: 116.3, maxLng: 121.95 } as const;

/** One row of the source file content/sources/jiangsu-divisions.json. */
export interface SourceDivision {
  code: string;
  name: string;
  nameEn: string;
  type: RegionType;
  parentCode: string;
  lat: number;
  lng: number;
  coordSource: string;
}

/** One entry of content/regions/jiangsu.json. */
export interface RegionEntry {
  id: string;
  code: string;
  name: string;
  shortName: string;
  slug: string;
  type: RegionType;
  parent: string | null;
  lat: number;
  lng: number;
  coordSource: string;
}

/** "Huai'an District" -> "huaian"; "Feng County" -> "feng". */
export function slugFromEnglishName(nameEn: string): string {
  return nameEn
    .replace(/ (District|County)$/u, '')
    .toLowerCase()
    .replace(/[^a-z]/gu, '');
}

/**
 * The name people say without the suffix: 南京市 -> 南京, 玄武区 -> 玄武. One-character
 * stems keep their suffix (丰县 stays 丰县) because "丰" alone is not how anyone says it.
 */
export function shortNameOf(name: string): string {
  const stem = name.replace(/[市区县]$/u, '');
  return stem.length >= 2 ? stem : name;
}

/** Builds the site's region entries from the research file's rows, sorted by code. */
export function toRegionEntries(divisions: readonly SourceDivision[]): RegionEntry[] {
  const sorted = [...divisions].sort((a, b) => a.code.localeCompare(b.code));
  const cityIdByCode = new Map<string, string>();
  for (const d of sorted) if (d.type === 'city') cityIdByCode.set(d.code, slugFromEnglishName(d.nameEn));
  return sorted.map((d) => {
    const slug = slugFromEnglishName(d.nameEn);
    const parent = d.type === 'city' ? null : cityIdByCode.get(d.parentCode);
    if (parent === undefined) throw new Error(`${d.code} ${d.name}: 上级代码 ${d.parentCode} 不是设区市`);
    return {
      id: parent === null ? slug : `${parent}-${slug}`,
      code: d.code,
      name: d.name,
      shortName: shortNameOf(d.name),
      slug,
      type: d.type,
      parent,
      lat: d.lat,
      lng: d.lng,
      coordSource: d.coordSource,
    };
  });
}

/** True when a WGS-84 point lies inside the box around Jiangsu. */
export function isInsideJiangsu(lat: number, lng: number): boolean {
  const b = JIANGSU_BOUNDS;
  return lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng;
}

/** Finds structural problems in a list of regions; an empty list means the data is sound. */
export function findRegionProblems(regions: readonly RegionEntry[]): string[] {
  const problems: string[] = [];
  const byId = new Map(regions.map((r) => [r.id, r]));
  if (byId.size !== regions.length) problems.push('区划 id 有重复');
  const codes = new Set(regions.map((r) => r.code));
  if (codes.size !== regions.length) problems.push('区划代码有重复');
  const cities = regions.filter((r) => r.type === 'city').map((r) => r.id);
  if (cities.join() !== CITY_SLUGS.join()) problems.push(`设区市应为 ${CITY_SLUGS.join('、')}，实为 ${cities.join('、')}`);
  for (const r of regions) {
    if (!isInsideJiangsu(r.lat, r.lng)) problems.push(`${r.name}（${r.code}）的坐标 ${r.lat},${r.lng} 不在江苏范围内`);
    if (r.type === 'city') {
      if (r.parent !== null) problems.push(`${r.name} 是设区市，不应有上级`);
      continue;
    }
    const parent = r.parent === null ? undefined : byId.get(r.parent);
    if (!parent || parent.type !== 'city') problems.push(`${r.name}（${r.code}）的上级 ${r.parent} 不存在`);
    else if (parent.code.slice(0, 4) !== r.code.slice(0, 4)) problems.push(`${r.name}（${r.code}）的代码与上级 ${parent.name}（${parent.code}）不符`);
  }
  return problems;
}

/** Counties (county-level divisions) of one city, in code order. */
export function countiesOf<T extends Pick<RegionEntry, 'parent' | 'code'>>(regions: readonly T[], cityId: string): T[] {
  return regions.filter((r) => r.parent === cityId).sort((a, b) => a.code.localeCompare(b.code));
}

/** County choices per city for the pickers: [id, slug, name], in code order. */
export type CountyOptions = Record<string, [string, string, string][]>;

/** Builds the pickers' county choices from the region list. */
export function countyOptions(regions: readonly RegionEntry[]): CountyOptions {
  return Object.fromEntries(
    regions.filter((r) => r.type === 'city').map((c) => [c.id, countiesOf(regions, c.id).map((k): [string, string, string] => [k.id, k.slug, k.name])]),
  );
}
