/** /data/charts/<chart>.svg: each chart of the plan page and of each city page, as a file to download and cite. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getChartFilePaths } from '../../../data/progress.ts';

export const getStaticPaths = (() => getChartFilePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { svg: string }).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
