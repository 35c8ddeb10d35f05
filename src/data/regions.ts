/** Regions from the content layer, as plain typed arrays. */
import { getCollection } from 'astro:content';
import { countyOptions, type CountyOptions, type RegionEntry } from '../lib/regions.ts';
import { toId } from '../schemas/common.ts';

let cache: RegionEntry[] | undefined;

/** All 108 regions in code order, with plain string ids. */
export async function getRegions(): Promise<RegionEntry[]> {
  cache ??= (await getCollection('regions'))
    .map(({ data }) => ({ ...data, parent: data.parent === null ? null : toId(data.parent) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return cache;
}

/** The 13 cities in code order. */
export async function getCities(): Promise<RegionEntry[]> {
  return (await getRegions()).filter((r) => r.type === 'city');
}

/** Looks a region up by id; throws when it is missing, since references are checked at load. */
let byId: Map<string, RegionEntry> | undefined;
export async function getRegionLookup(): Promise<(id: string) => RegionEntry> {
  byId ??= new Map((await getRegions()).map((r) => [r.id, r]));
  const map = byId;
  return (id) => {
    const region = map.get(id);
    if (!region) throw new Error(`未知区划 ${id}`);
    return region;
  };
}

let countyChoices: CountyOptions | undefined;
/** County choices per city for the pickers, built once. */
export async function getCountyOptions(): Promise<CountyOptions> {
  countyChoices ??= countyOptions(await getRegions());
  return countyChoices;
}
