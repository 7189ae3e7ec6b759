// The wall's map of open cases (Leaflet, its own chunk): the staff case list of the scope, open
// statuses, the newest 100 with a pin. Tiles and attribution come from the portal settings, as
// on the report form (pages/map_picker.tsx); without a tile server the pins are drawn on a blank
// map around Palembang. Fetched again when the figures change, at most every 5 s.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api';
import { t } from '../lib/i18n';
import type { MapSettings } from '../pages/map_picker';
import { staff } from '../console/session';
import { OPEN_STATUSES } from './links';
import type { PinnedCase } from './types';

export interface CaseMapProps {
  scope: string;
  /// Changes whenever the figures do (the summary's as_of): the pins are fetched again.
  version: string;
}

const kPalembang: L.LatLngExpression = [-2.9761, 104.7754];
const kMinRefetchMs = 5_000;

export default function CaseMap({ scope, version }: CaseMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [tiles, setTiles] = useState<boolean | null>(null);
  const last = useRef(0);

  useEffect(() => {
    if (!box.current) return;
    const created = L.map(box.current, { center: kPalembang, zoom: 12, attributionControl: true });
    layer.current = L.layerGroup().addTo(created);
    map.current = created;
    void api<{ map: MapSettings | null }>('/api/v1/portal').then(
      (portal) => {
        setTiles(portal.map !== null);
        if (!portal.map || !map.current) return;
        L.tileLayer(portal.map.tile_url, { attribution: portal.map.attribution, maxZoom: 19 }).addTo(map.current);
        map.current.setView([portal.map.center.latitude, portal.map.center.longitude], 12);
      },
      () => setTiles(false),
    );
    return () => {
      created.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    let stopped = false;
    const wait = Math.max(0, last.current + kMinRefetchMs - Date.now());
    const timer = setTimeout(async () => {
      last.current = Date.now();
      const query = new URLSearchParams({ unit: scope, status: OPEN_STATUSES.join(','), limit: '100' });
      try {
        const answer = await staff<{ items: PinnedCase[] }>(`/api/v1/complaints?${query}`);
        if (stopped || !layer.current) return;
        layer.current.clearLayers();
        const pinned = answer.items.filter((c) => c.location);
        for (const item of pinned) {
          L.circleMarker([item.location!.latitude, item.location!.longitude], { radius: 7, color: '#a11d1d', weight: 2 })
            .bindTooltip(`${item.code} · ${t(`status.${item.status}` as 'status.submitted')}`)
            .addTo(layer.current);
        }
        setCount(pinned.length);
      } catch {
        if (!stopped) setCount(null);
      }
    }, wait);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [scope, version]);

  return (
    <section class="case-map-wrap" aria-labelledby="map-title">
      <h2 id="map-title">
        {t('command.map')} {count !== null && <span class="count">{count}</span>}
      </h2>
      <div ref={box} class="case-map" role="application" aria-label={t('command.map.label', { count: count ?? 0 })} />
      {tiles === false && <p class="hint">{t('command.map.noTiles')}</p>}
    </section>
  );
}
