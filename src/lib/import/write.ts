/**
 * The sheet importer: Writing: where each imported event goes, what an existing file blocks (a hand-edited file,
 * another city, a demo event), and the YAML written. Pure.
 */
import { type EventItem } from '../events/events.ts';
import type { RegionEntry } from '../regions.ts';
import { COLUMN_NAMES } from './columns.ts';
import { type ImportProblem } from './problems.ts';
import { type ImportedEvent } from './rows.ts';

/** An event file already on the site: its path below the events folder, text, and demo flag. */
export interface ExistingFile {
  path: string;
  text: string;
  demo: boolean;
}

/** What importing one event will do. */
export interface WritePlan {
  row: number;
  event: EventItem;
  path: string;
  text: string;
  state: 'new' | 'same' | 'changed';
}

/**
 * Where each event goes (always `<city>/<id>.yaml` below the events folder) and what is already
 * there. Refused, whatever --update says: an id used by a file anywhere else (another city's
 * folder: the event would move; the demo folder; any other place), and an id of a demo event
 * (a demo never becomes a real event). Paths use "/"; ids cannot hold separators (checked above).
 */
export function planWrites(
  events: readonly ImportedEvent[],
  existing: ReadonlyMap<string, readonly ExistingFile[]>,
  regions: readonly RegionEntry[],
  idColumn = COLUMN_NAMES.id,
): { plan: WritePlan[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const plan: WritePlan[] = [];
  const nameOf = (id: string) => regions.find((r) => r.id === id)?.name ?? id;
  for (const { row, event } of events) {
    const path = `${event.city}/${event.id}.yaml`;
    const files = existing.get(event.id) ?? [];
    const refuse = (message: string, fix: string) => problems.push({ row, column: idColumn, message: `活动编号 ${event.id}：${message}`, fix });
    let blocked = false;
    for (const f of files) {
      if (f.demo) {
        refuse(`已被示例活动使用（${f.path}），示例活动不能变成真实活动`, '换一个活动编号，或不填编号由系统生成');
        blocked = true;
      } else if (f.path !== path) {
        const folder = f.path.split('/')[0] ?? '';
        const otherCity = folder !== event.city && regions.some((r) => r.id === folder && r.type === 'city') && f.path === `${folder}/${event.id}.yaml`;
        if (otherCity)
          refuse(
            `网站上已是${nameOf(folder)}的活动（${f.path}），表格里填的是${nameOf(event.city)}；导入不会把活动挪到别的设区市`,
            `如果是另一个活动，换一个活动编号；如果确实要改设区市，先删除 ${f.path} 再导入`,
          );
        else refuse(`已被 ${f.path} 使用，它不在 ${event.city}/ 文件夹里`, `换一个活动编号，或先把 ${f.path} 移走`);
        blocked = true;
      }
    }
    if (blocked) continue;
    const text = eventToYaml(event);
    const current = files.find((f) => f.path === path);
    plan.push({ row, event, path, text, state: current === undefined ? 'new' : current.text === text ? 'same' : 'changed' });
  }
  return { plan, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

const yamlString = (s: string) => JSON.stringify(s);

/** The content file for an imported event: stable key order, so re-importing writes the same bytes. */
export function eventToYaml(e: EventItem): string {
  const list = (xs: string[]) => `[${xs.map(yamlString).join(', ')}]`;
  const lines = [
    '# 由 npm run import 从各市报送表导入。手工修改后，再次导入同一活动会提示冲突（加 --update 才会覆盖）。',
    `title: ${yamlString(e.title)}`,
    `year: ${e.year}`,
    `type: ${e.type}`,
    `level: ${e.level}`,
    `city: ${e.city}`,
    ...(e.county ? [`county: ${e.county}`] : []),
    'venue:',
    `  name: ${yamlString(e.venue.name)}`,
    `  address: ${yamlString(e.venue.address)}`,
    `lat: ${e.lat}`,
    `lng: ${e.lng}`,
    `start: ${yamlString(e.start)}`,
    `end: ${yamlString(e.end)}`,
    `organisers: ${list(e.organisers)}`,
    `hosts: ${list(e.hosts)}`,
    `brands: ${list(e.brands)}`,
    `services: ${list(e.services)}`,
    `policies: ${list(e.policies)}`,
    `status: ${e.status}`,
    ...(e.phone ? [`phone: ${yamlString(e.phone)}`] : []),
    ...(e.notes ? [`notes: ${yamlString(e.notes)}`] : []),
    `demo: ${e.demo}`,
  ];
  return lines.join('\n') + '\n';
}
