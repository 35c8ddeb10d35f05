/**
 * Turning a question into search words. Pagefind finds pages that hold every word of the query,
 * so a question such as 贷款买车贴息怎么申请 finds nothing when no page says 怎么. When a query
 * finds nothing, the search page tries again without the question words. Pure; the word
 * splitter is passed in (the browser's Intl.Segmenter, or the same in Node for tests).
 */

/** Question words and particles that carry no topic. Whole words only, never inside a word. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  '请问',
  '怎么',
  '怎么样',
  '怎样',
  '如何',
  '怎么办',
  '什么',
  '什么时候',
  '啥',
  '哪里',
  '哪儿',
  '哪些',
  '哪个',
  '哪',
  '多少',
  '多少钱',
  '几',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '么',
  '嘛',
  '能不能',
  '可不可以',
  '是不是',
  '有没有',
  '可以',
  '能',
  '会',
  '要',
  '想',
  '需要',
  '应该',
  '我',
  '我们',
  '你',
  '您',
  '的',
  '了',
  '是',
  '有',
  '在',
  '去',
  '和',
  '与',
  '及',
  '还',
  '都',
  '也',
  '就',
  '最近',
  '现在',
  '一下',
]);

/** Splits text into words; in the browser and Node, Intl.Segmenter('zh', { granularity: 'word' }). */
export type WordSplitter = (text: string) => string[];

/** The default splitter: Intl.Segmenter where it exists, else runs of letters and digits. */
export function defaultSplitter(): WordSplitter {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    return (text) => [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  }
  return (text) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The topic words of a query: question words and particles removed, order kept, no repeats.
 * Returns [] when nothing but question words remains.
 */
export function topicWords(query: string, split: WordSplitter = defaultSplitter()): string[] {
  const words = split(query.normalize('NFKC'));
  const out: string[] = [];
  for (const w of words) {
    const word = w.trim();
    if (!word || QUESTION_WORDS.has(word) || out.includes(word)) continue;
    out.push(word);
  }
  return out;
}
