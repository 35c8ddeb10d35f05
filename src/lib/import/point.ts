/**
 * The sheet importer: A row's coordinates: read in the datum the sheet names, converted to WGS-84 and judged
 * against the county's area (a point far outside is a problem unless the editor confirms it). Pure.
 */
import { convert } from '../directions.ts';
import { HULL_BUFFER_KM, makePlausibility, type PlausibilityProblem } from '../plausibility.ts';
import type { RegionEntry } from '../regions.ts';
import { type Key } from './columns.ts';
import { type ImportProblem, quote } from './problems.ts';
import { parseCoordinate, parseDatum } from './cells.ts';

const DATUM_HINT = '；如果坐标是从高德或腾讯地图复制的，在「坐标系」列填 GCJ02，百度地图的填 BD09';

/** Reads and judges the row's coordinates; adds problems (or, when confirmed, notes). */
export function readPoint(
  get: (k: Key) => string,
  add: (k: Key | Key[], message: string, fix: string) => void,
  label: (k: Key) => string,
  {
    city,
    county,
    plausibility,
    confirm,
    notes,
    rowNo,
  }: {
    city: RegionEntry | undefined;
    county: RegionEntry | undefined;
    plausibility: ReturnType<typeof makePlausibility>;
    confirm: boolean;
    notes: ImportProblem[];
    rowNo: number;
  },
): { lat: number; lng: number } | undefined {
  const datum = parseDatum(get('datum'));
  if (!datum) add('datum', `${quote(get('datum'))}不是认识的坐标系`, '填写 WGS84、GCJ02（高德、腾讯）或 BD09（百度），不填按 WGS84');
  const lng = get('lng') ? parseCoordinate(get('lng'), '118.79143') : {};
  const lat = get('lat') ? parseCoordinate(get('lat'), '32.06141') : {};
  if (lng.error) add('lng', lng.error, lng.fix ?? '');
  if (lat.error) add('lat', lat.error, lat.fix ?? '');
  if (lng.value === undefined || lat.value === undefined || !datum) return undefined;
  const where = `经度 ${get('lng')}、纬度 ${get('lat')}`;
  const both: Key[] = ['lng', 'lat'];
  const hint = datum === 'WGS84' ? DATUM_HINT.replace('「坐标系」', `「${label('datum')}」`) : '';
  const onEarth = (la: number, ln: number) => Math.abs(la) <= 90 && Math.abs(ln) <= 180;
  const inJiangsu = (la: number, ln: number) => onEarth(la, ln) && plausibility.kmOutsideHull(convert({ lat: la, lng: ln }, datum, 'WGS84')) <= HULL_BUFFER_KM;
  if (!inJiangsu(lat.value, lng.value) && inJiangsu(lng.value, lat.value)) {
    add(both, `${where} 不在江苏，像是填反了`, '把经度和纬度对调（江苏的经度约 116—122，纬度约 30—35）');
    return undefined;
  }
  if (!onEarth(lat.value, lng.value)) {
    add(both, `${where} 不是地球上的位置`, '在地图上重新取点；江苏的经度约 116—122，纬度约 30—35');
    return undefined;
  }
  const p = convert({ lat: lat.value, lng: lng.value }, datum, 'WGS84');
  // Without a known city only the Jiangsu rule applies (an unknown id is not judged by county).
  const problems = plausibility.check(p, { city: city?.id ?? '', county: county?.id });
  const say = (problem: PlausibilityProblem): { message: string; fix: string } => {
    const km = (n: number) => `约 ${Math.round(n)} 公里`;
    const confirmFix = '；确认地点无误（例如在省界、海边或县界附近）时，加 --confirm-coordinates 重新运行';
    switch (problem.rule) {
      case 'outside-jiangsu':
        return problem.hard
          ? {
              message: `${where} 不在江苏（离最近的江苏县（市、区）政府驻地${problem.nearest.name}${km(problem.nearestKm)}）`,
              fix: `在地图上重新取点，复制经纬度${hint}`,
            }
          : {
              message: `${where} 在江苏各县（市、区）政府驻地连成的范围以外${km(problem.kmOutside)}（离${problem.nearest.name}政府驻地${km(problem.nearestKm)}），可能不在江苏`,
              fix: `核对坐标${hint}${confirmFix}`,
            };
      case 'far-from-own-seat':
        return {
          message: `坐标离${problem.seat.name}政府驻地${km(problem.km)}，不像在${county ? county.name : city!.name}`,
          fix: `核对坐标和「${label(county ? 'county' : 'city')}」是否对应${hint}`,
        };
      case 'nearer-other-seat':
        return {
          message: `坐标离${problem.seat.name}政府驻地${km(problem.km)}，离${problem.nearest.name}政府驻地却只有${km(problem.nearestKm)}，像是${problem.nearest.name}的地点`,
          fix: `核对坐标和「${label(county ? 'county' : 'city')}」是否对应${hint}${confirmFix}`,
        };
    }
  };
  let ok = true;
  for (const problem of problems) {
    const { message, fix } = say(problem);
    if (confirm && !problem.hard) notes.push({ row: rowNo, column: both.map(label), message: `${message}；已按 --confirm-coordinates 接受`, fix: '' });
    else {
      add(both, message, fix);
      ok = false;
    }
  }
  return ok ? { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 } : undefined;
}
