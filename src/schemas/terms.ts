/** Schema of the terms list (content/terms.yaml): one word for one thing, everywhere. */
import { z } from 'astro/zod';

export const termSchema = z.strictObject({
  term: z.string().min(1).describe('要用的说法'),
  meaning: z.string().min(4).describe('它指什么，一两句话'),
  avoid: z.array(z.string().min(1)).min(1).describe('不要用的写法；构建好的页面上出现就报错'),
  allowIn: z.array(z.string().startsWith('/')).default([]).describe('允许出现不推荐写法的页面路径，例如照录原文的 /notice/'),
});
export type Term = z.infer<typeof termSchema>;
export const termsSchema = z.array(termSchema);
