// The map of the report form (lazy: Leaflet is fetched only when the city configured a tile
// server). A tap places the pin; the tiles are optional — without them the map is blank but
// still takes a tap, and the kecamatan/kelurahan lists stay next to it.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

export interface MapSettings {
  tile_url: string;
  attribution: string;
  center: { latitude: number; longitude: number };
}

export default function MapPicker(props: {
  settings: MapSettings;
  pin: { latitude: number; longitude: number } | null;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const created = L.map(box.current, { center: [props.settings.center.latitude, props.settings.center.longitude], zoom: 13 });
    L.tileLayer(props.settings.tile_url, { attribution: props.settings.attribution, maxZoom: 19 }).addTo(created);
    created.on('click', (event: L.LeafletMouseEvent) => props.onPick(event.latlng.lat, event.latlng.lng));
    map.current = created;
    return () => created.remove();
  }, []);
  useEffect(() => {
    if (!map.current || !props.pin) return;
    const at: L.LatLngExpression = [props.pin.latitude, props.pin.longitude];
    if (marker.current) marker.current.setLatLng(at);
    else marker.current = L.circleMarker(at, { radius: 10, color: '#0b5d3b', weight: 3 }).addTo(map.current);
  }, [props.pin]);
  return (
    <div class="map-wrap">
      <p class="hint" id="map-help">
        {t('report.map.help')}
      </p>
      <div ref={box} class="map" role="application" aria-label={t('report.map')} aria-describedby="map-help" />
    </div>
  );
}
