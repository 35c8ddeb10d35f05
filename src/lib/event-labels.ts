/** Event categories and their Chinese labels (no zod, so browser scripts can use them). */

/** Where the fair goes: the five “进” plus the other scenes the notice names. */
export const EVENT_TYPES = ['organ', 'enterprise', 'campus', 'hospital', 'community', 'commercial', 'tourism', 'rural'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  organ: '进机关',
  enterprise: '进企业',
  campus: '进院校',
  hospital: '进医院',
  community: '进社区',
  commercial: '商圈·步行街·综合体',
  tourism: '文旅景区',
  rural: '乡村·新能源汽车下乡',
};

export const EVENT_LEVELS = ['provincial', 'city', 'county'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];
export const EVENT_LEVEL_LABELS: Record<EventLevel, string> = { provincial: '省级', city: '市级', county: '县区' };

/** On-site services the notice asks for (政策咨询、手续代办、旧车评估 …). */
export const EVENT_SERVICES = ['policy-advice', 'paperwork', 'valuation', 'finance', 'used-car', 'scrappage', 'test-drive', 'charging'] as const;
export const EVENT_SERVICE_LABELS: Record<(typeof EVENT_SERVICES)[number], string> = {
  'policy-advice': '政策咨询',
  paperwork: '手续代办',
  valuation: '旧车评估',
  finance: '金融信贷',
  'used-car': '二手车交易',
  scrappage: '报废回收',
  'test-drive': '试乘试驾',
  charging: '充电服务',
};

export const EVENT_STATUSES = ['planned', 'confirmed', 'postponed', 'cancelled', 'held'] as const;
export const EVENT_STATUS_LABELS: Record<(typeof EVENT_STATUSES)[number], string> = {
  planned: '计划中',
  confirmed: '已确认',
  postponed: '延期',
  cancelled: '取消',
  held: '已举办',
};
