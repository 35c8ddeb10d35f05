/** Schema of one administrative division (content/regions/jiangsu.json). */
import { z } from 'astro/zod';
import { REGION_TYPES } from '../lib/regions.ts';
import type { RefFactory } from './common.ts';

export function regionSchema(ref: RefFactory) {
  return z.strictObject({
    id: z
      .string()
      .regex(/^[a-z]+(-[a-z]+)?$/)
      .describe('设区市为拼音（nanjing），县级为 <设区市>-<拼音>（nanjing-xuanwu）'),
    code: z
      .string()
      .regex(/^32\d{4}$/, { error: '区划代码应为 32 开头的 6 位数字' })
      .describe('GB/T 2260 行政区划代码'),
    name: z.string().min(2).describe('全称，例如 南京市、玄武区'),
    shortName: z.string().min(1).describe('简称，例如 南京、玄武；导入时两种写法都认'),
    slug: z
      .string()
      .regex(/^[a-z]+$/)
      .describe('拼音，用于网址'),
    type: z.enum(REGION_TYPES).describe('city 设区市、district 市辖区、county-city 县级市、county 县'),
    parent: ref('regions').nullable().describe('上级设区市 id；设区市本身为 null'),
    lat: z.number().min(30).max(36).describe('政府驻地纬度（WGS-84）'),
    lng: z.number().min(116).max(122).describe('政府驻地经度（WGS-84）'),
    coordSource: z.string().describe('坐标来源与换算说明'),
  });
}
