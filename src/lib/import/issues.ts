/**
 * The sheet importer: A schema issue as the editor needs it: the sheet's column and a plain sentence with the fix. Pure.
 */
import { EVENT_FIRST_YEAR, EVENT_LIST_LIMIT, EVENT_TEXT_LIMITS, EVENT_TEXT_MIN } from '../../schemas/event.ts';
import { EVENT_LEVEL_LABELS, EVENT_SERVICE_LABELS, EVENT_TYPE_LABELS } from '../event-labels.ts';
import { cleanText } from '../text.ts';
import { COLUMN_NAMES, type ColumnKey } from './columns.ts';
import { quote } from './problems.ts';
import { DATE_TIME_FIX } from './cells.ts';

/**
 * A schema issue as the editor needs it: the sheet's column and a plain sentence with the fix.
 * The checks above catch what the schema checks, so this is the safety net for whatever the
 * schema adds later; it never passes on the validator's own wording.
 */
export function explainIssue(
  path: readonly PropertyKey[],
  draft: Record<string, unknown>,
  label: (k: ColumnKey) => string = (k) => COLUMN_NAMES[k],
): { column: string; message: string; fix: string } {
  const [head, second] = path;
  const value = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), draft);
  const text = typeof value === 'string' ? value : undefined;
  const lengthSentence = (max: number, min: number) =>
    text === undefined
      ? { message: '内容不符合要求', fix: '对照模板的填写说明改正' }
      : cleanText(text).length > max
        ? { message: `有 ${cleanText(text).length} 个字，最多 ${max} 个字`, fix: `删减到 ${max} 个字以内` }
        : { message: `${quote(text)}太短或有不能用的字符，至少 ${min} 个字`, fix: '写全称，不要只填符号' };
  switch (head) {
    case 'title':
      return { column: label('title'), ...lengthSentence(EVENT_TEXT_LIMITS.title, EVENT_TEXT_MIN.title) };
    case 'venue':
      return second === 'name'
        ? { column: label('venue'), ...lengthSentence(EVENT_TEXT_LIMITS.venue, EVENT_TEXT_MIN.venue) }
        : { column: label('address'), ...lengthSentence(EVENT_TEXT_LIMITS.address, EVENT_TEXT_MIN.address) };
    case 'notes':
      return { column: label('notes'), ...lengthSentence(EVENT_TEXT_LIMITS.notes, 1) };
    case 'organisers':
    case 'hosts':
    case 'brands': {
      const list = Array.isArray(draft[head]) ? (draft[head] as unknown[]) : [];
      if (typeof second !== 'number') {
        return list.length > EVENT_LIST_LIMIT
          ? { column: label(head), message: `填了 ${list.length} 个，最多 ${EVENT_LIST_LIMIT} 个`, fix: `只留最主要的 ${EVENT_LIST_LIMIT} 个` }
          : { column: label(head), message: '至少要填一个', fix: '多个用顿号分开' };
      }
      return {
        column: label(head),
        ...lengthSentence(head === 'brands' ? EVENT_TEXT_LIMITS.brand : EVENT_TEXT_LIMITS.organisation, head === 'brands' ? 1 : EVENT_TEXT_MIN.organisation),
      };
    }
    case 'year':
      return {
        column: label('start'),
        message: `${label('start')}是${String(draft['year'])}年，本网站只收${EVENT_FIRST_YEAR}年及以后的活动`,
        fix: '核对年份；往年的活动不用导入',
      };
    case 'start':
    case 'end':
      return head === 'end' && typeof draft['start'] === 'string' && typeof draft['end'] === 'string' && Date.parse(draft['end']) < Date.parse(draft['start'])
        ? { column: label('end'), message: '结束时间早于开始时间', fix: `检查「${label('start')}」和「${label('end')}」是否填反` }
        : { column: label(head), message: '时间看不懂', fix: DATE_TIME_FIX };
    case 'lat':
    case 'lng':
      return { column: label(head), message: '经纬度超出范围', fix: '在地图上重新取点；江苏的经度约 116—122，纬度约 30—35' };
    case 'city':
      return { column: label('city'), message: '设区市不对', fix: '填写江苏 13 个设区市之一，例如 南京' };
    case 'county':
      return { column: label('county'), message: '县（市、区）与设区市对不上', fix: `检查「${label('city')}」和「${label('county')}」是否填对` };
    case 'type':
      return { column: label('type'), message: '活动类型不对', fix: `填写 ${Object.values(EVENT_TYPE_LABELS).join('、')} 之一` };
    case 'level':
      return { column: label('level'), message: '活动级别不对', fix: `填写 ${Object.values(EVENT_LEVEL_LABELS).join('、')} 之一` };
    case 'services':
      return { column: label('services'), message: '现场服务项目不对', fix: `填写 ${Object.values(EVENT_SERVICE_LABELS).join('、')}，多项用顿号分开` };
    case 'phone':
      return {
        column: label('phone'),
        message: `${quote(text ?? '')}不是电话号码的写法`,
        fix: '只写一个号码，用数字、连字符（-）和括号，5—20 个字符，例如 025-12345678',
      };
    default:
      return { column: '（整行）', message: '这一行有网站不接受的内容', fix: '对照模板的填写说明检查这一行；仍不清楚时把这一行发给网站管理员' };
  }
}
