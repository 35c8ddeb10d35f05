/**
 * Draws the pictures of the demonstration cases (content/cases/demo/images/*.png): flat
 * illustrations labelled 示例图片 and 示意图, never photographs, so they cannot be mistaken for
 * real events or real people. Run after changing a demo case's scene:
 *   node scripts/make-case-images.ts
 */
import { writeFileSync } from 'node:fs';
import { svgToPng } from '../src/lib/charts/png.ts';
import { caseIllustrationSvg } from '../src/lib/cases/illustration.ts';

const pictures: { file: string; scene: string; sky: string; ground: string; accent: string }[] = [
  { file: 'community', scene: '汽车展销进社区', sky: '#dcebf7', ground: '#cfe3c4', accent: '#0b4a8b' },
  { file: 'enterprise', scene: '汽车展销进企业', sky: '#e4e8ee', ground: '#c9ced6', accent: '#07325e' },
  { file: 'campus', scene: '汽车展销进院校', sky: '#e0f0f5', ground: '#d4e6c8', accent: '#1d6f5f' },
  { file: 'hospital', scene: '汽车展销进医院', sky: '#eef5fb', ground: '#dfe8ef', accent: '#2f6cb0' },
  { file: 'organ', scene: '汽车展销进机关', sky: '#eceff3', ground: '#d6dbe2', accent: '#b3221b' },
  { file: 'rural', scene: '新能源汽车下乡', sky: '#e3f1fb', ground: '#c8e0b0', accent: '#3d7a2a' },
  { file: 'commercial', scene: '商圈汽车主题展', sky: '#f5ece1', ground: '#e2d6c6', accent: '#8a4b08' },
  { file: 'tourism', scene: '汽车+文旅嘉年华', sky: '#e6f0fb', ground: '#d7e9c9', accent: '#5a2d82' },
];

for (const p of pictures) {
  const svg = caseIllustrationSvg({ ...p, caption: '示意图（示例），不是真实活动照片' });
  writeFileSync(`content/cases/demo/images/${p.file}.png`, svgToPng(svg, 0.75));
  console.log(`content/cases/demo/images/${p.file}.png`);
}
