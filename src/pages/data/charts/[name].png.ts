/** /data/charts/<chart>.png: the same file as the SVG, rendered at twice its size (resvg, at build time). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getChartFilePaths } from '../../../data/progress.ts';
import { svgToPng } from '../../../lib/charts/png.ts';

export const getStaticPaths = (() => getChartFilePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(svgToPng((props as { svg: string }).svg, 2), { headers: { 'Content-Type': 'image/png' } });
