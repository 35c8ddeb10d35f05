/**
 * Leaflet with the cluster plugin, as one dynamic import: the static imports below are fetched
 * together and run in order, so the plugin (which reads the global L) runs right after Leaflet,
 * instead of being fetched only once Leaflet has run.
 */
import L from './leaflet-global.ts';
import 'leaflet.markercluster';

export default L;
