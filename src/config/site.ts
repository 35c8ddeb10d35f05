/**
 * Site-wide settings editors may need to change. Values that are not assigned yet are null
 * and are shown as clearly marked placeholders — never as made-up numbers.
 */
export const SITE = {
  name: '江苏汽车促消费“五进”活动',
  shortName: '汽车“五进”',
  description: '江苏省2026年汽车促消费进机关、进企业、进院校、进医院、进社区活动：活动安排、补贴政策解读、各地计划与进展。',
  /** 主办单位 shown in the footer. */
  owner: '江苏省商务厅',
  /** 政府网站标识码, ICP备案号 and 公安机关备案号: assigned when the site is registered. */
  identifiers: {
    websiteCode: null as string | null,
    icp: null as string | null,
    psb: null as string | null,
  },
  /**
   * 天地图 base map. The browser key comes from PUBLIC_TIANDITU_KEY at build time; the 审图号 must
   * be copied from tianditu.gov.cn when the key is set up (it changes when the map is re-approved).
   */
  tianditu: { reviewNumber: null as string | null },
  /**
   * Terms for reusing the open data (/data/). The wording follows the about page; the department
   * has not confirmed it yet, so pages print it with 待确认 until `confirmed` is true. Not a
   * licence name: none is claimed until the department chooses one.
   */
  openData: { terms: '本站开放数据可自由下载、转载和引用，请注明出处。', confirmed: false },
  /** Shown wherever an identifier is still missing. */
  placeholder: '待备案后填写',
} as const;

/** One entry of the main navigation. `ready: false` hides a page whose issue is still open. */
export interface NavItem {
  href: string;
  label: string;
  ready: boolean;
}

export const NAV: NavItem[] = [
  { href: '/', label: '首页', ready: true },
  { href: '/events/', label: '活动日历', ready: true },
  { href: '/map/', label: '活动地图', ready: true },
  { href: '/policies/', label: '政策解读', ready: true },
  { href: '/cases/', label: '典型案例', ready: true },
  { href: '/plan/', label: '计划与进展', ready: true },
  { href: '/notice/', label: '通知原文', ready: true },
  { href: '/media/', label: '新闻媒体', ready: true },
  { href: '/search/', label: '搜索', ready: true },
];
