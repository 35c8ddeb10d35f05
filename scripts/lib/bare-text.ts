/**
 * The text of one page of the benchmark's bare Astro project (scripts/lib/bare-project.ts):
 * about 5 KB (UTF-8) of varied Chinese with ASCII mixed in — dates, times, prices, phone
 * numbers, model names, addresses — made from the page id alone, so every build of page
 * `page-123` has the same words and no two pages are alike. The bare project copies this file
 * and calls it while rendering, as a site renders its pages from data; `npm run bench` also
 * times it on its own and reports that time beside the bare build's.
 * Plain TypeScript with nothing to erase but types: Node runs it as it is, and so does Vite.
 */

/** Bytes of body text per page: each page gets between TEXT_BYTES − 10 % and TEXT_BYTES + 10 %. */
export const TEXT_BYTES = 5000;

export interface PageText {
  title: string;
  sections: { heading: string; paragraphs: string[] }[];
}

const CITIES = ['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁'];
const PLACES = ['市民广场', '体育中心', '会展中心', '商业街', '汽车城', '万达广场', '新城吾悦', '人民公园东门', '高铁站南广场', '开发区服务中心'];
const SUBJECTS = ['本次活动', '主办单位', '参展企业', '现场工作人员', '各品牌经销商', '金融机构', '区县商务部门', '志愿者服务队', '报名的市民', '合作银行'];
const VERBS = ['将提供', '集中展示', '现场讲解', '统一办理', '免费发放', '重点推介', '协助核验', '优先安排', '同步开通', '持续跟进'];
const OBJECTS = [
  '新能源汽车试乘试驾',
  '以旧换新补贴咨询',
  '报废更新手续代办',
  '车贷贴息方案',
  '二手车评估服务',
  '充电桩安装指导',
  '购车发票开具说明',
  '置换补贴申请材料清单',
  '家庭用车选购建议',
  '保险和上牌一站式服务',
];
const TAILS = [
  '请携带身份证和行驶证原件',
  '名额有限，先到先得',
  '具体以现场公告为准',
  '雨天活动照常举行',
  '停车场可免费停放两小时',
  '咨询电话工作日接听',
  '现场设有休息区和饮水点',
  '老年人和残疾人可走绿色通道',
];
const MODELS = ['SUV', 'MPV', 'EV', 'PHEV', 'BEV', 'A0 级轿车', 'Model 3', 'Han EV', 'ID.4', 'L7'];
const HEADINGS = ['活动概况', '时间和地点', '参与方式', '补贴政策', '现场服务', '交通指引', '注意事项', '常见问题', '联系方式', '往期回顾'];

/** FNV-1a: a seed from the page id. */
function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32, a small seeded PRNG (as scripts/generate-events.ts). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const utf8Bytes = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
};

/** The title and sections of page `id`. */
export function pageText(id: string, bytes: number = TEXT_BYTES): PageText {
  const rand = rng(seedOf(id));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (x: number) => String(x).padStart(2, '0');
  const detail = () => {
    switch (int(0, 5)) {
      case 0:
        return `（2026-${pad(int(1, 12))}-${pad(int(1, 28))} ${pad(int(8, 17))}:${pad(int(0, 5) * 10)}）`;
      case 1:
        return `，最高补贴 ${int(2, 20) * 1000} 元`;
      case 2:
        return `，热线 0${int(510, 527)}-${int(8000, 8999)}${int(1000, 9999)}`;
      case 3:
        return `，主推 ${pick(MODELS)} 等 ${int(3, 40)} 款车型`;
      case 4:
        return `，地址：${pick(PLACES)} ${int(1, 300)} 号 ${String.fromCharCode(65 + int(0, 5))} 区`;
      default:
        return `，详见 www.example.gov.cn/${id}/${int(1, 99)}`;
    }
  };
  const sentence = () => `${pick(CITIES)}${pick(PLACES)}：${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}${detail()}，${pick(TAILS)}。`;

  const title = `${pick(CITIES)}汽车促消费活动（${id}）`;
  const target = Math.round(bytes * (0.9 + rand() * 0.2));
  let total = utf8Bytes(title);
  const sections: PageText['sections'] = [];
  while (total < target) {
    const heading = pick(HEADINGS);
    const paragraphs: string[] = [];
    total += utf8Bytes(heading);
    for (let p = int(1, 4); p > 0 && total < target; p--) {
      let paragraph = '';
      for (let s = int(2, 6); s > 0 && total < target; s--) {
        const next = sentence();
        paragraph += next;
        total += utf8Bytes(next);
      }
      paragraphs.push(paragraph);
    }
    sections.push({ heading, paragraphs });
  }
  return { title, sections };
}

/** UTF-8 bytes of a page's text (title, headings, paragraphs). */
export function textBytes(text: PageText): number {
  return utf8Bytes(text.title) + text.sections.reduce((n, s) => n + utf8Bytes(s.heading) + s.paragraphs.reduce((m, p) => m + utf8Bytes(p), 0), 0);
}
