/** Leaflet, also as the global `L` that plugins written for a <script> tag expect. */
import * as Leaflet from 'leaflet';

const L = ((Leaflet as unknown as { default?: typeof Leaflet }).default ?? Leaflet) as typeof Leaflet;
(globalThis as unknown as { L: typeof Leaflet }).L = L;

export default L;
