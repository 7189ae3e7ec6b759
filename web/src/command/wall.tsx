// The Command Center on a 1920×1080 wall: the headline figures across the top; every kecamatan
// with its kelurahan as tiles coloured by state (with an icon and words too); the live event
// feed, the open alerts, a map of the open cases and the camera wall on the side.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { dateTime } from '../lib/format';
import { t } from '../lib/i18n';
import { CameraImage, useCameras } from './cameras';
import type { CaseMapProps } from './case_map';
import { figureLink } from './links';
import { useCommandData } from './live';
import { AlertList, commandLink, ConnectionState, Feed, FigureLinks, STATE_ICON, StateLabel } from './parts';
import { isDistrict, tileState, type UnitSummary } from './types';
import { useUnits } from './units';
import type { Viewer } from './viewer';

const shortName = (name: string) => name.replace(/^(Kelurahan|Kecamatan)\s+/i, '');

function Tile({ unit, compact = false }: { unit: UnitSummary; compact?: boolean }) {
  return (
    <li class={`tile ${tileState(unit)}`} data-testid="tile" data-unit={unit.code}>
      <a href={commandLink(unit.code)} title={unit.name}>
        <span class="tile-name">
          <span aria-hidden="true">{STATE_ICON[tileState(unit)]} </span>
          {shortName(unit.name)}
        </span>
        <span class="tile-figures">
          {compact
            ? `${unit.figures.open} · ${unit.figures.overdue}`
            : `${t('command.short.open', { count: unit.figures.open })} · ${t('command.short.overdue', { count: unit.figures.overdue })}`}
        </span>
        <span class="sr-only">
          {compact && `${t('command.short.open', { count: unit.figures.open })}, ${t('command.short.overdue', { count: unit.figures.overdue })}, `}
          <StateLabel unit={unit} />
        </span>
      </a>
    </li>
  );
}

function District({ district, villages }: { district: UnitSummary; villages: UnitSummary[] }) {
  return (
    <section class={`district ${tileState(district)}`} aria-labelledby={`d-${district.code}`}>
      <h3 id={`d-${district.code}`}>
        <a href={commandLink(district.code)}>{shortName(district.name)}</a>{' '}
        <a class="figure-inline" href={figureLink(district.code, 'open')}>
          {t('command.short.open', { count: district.figures.open })}
        </a>{' '}
        <a class="figure-inline" href={figureLink(district.code, 'overdue')}>
          {t('command.short.overdue', { count: district.figures.overdue })}
        </a>
      </h3>
      <ul class="tiles">
        {villages.map((village) => (
          <Tile key={village.code} unit={village} />
        ))}
      </ul>
    </section>
  );
}

function CameraWall({ scope }: { scope: string }) {
  const cameras = useCameras(scope);
  if (!cameras) return null;
  const order = { down: 0, unknown: 1, up: 2 } as const;
  return (
    <section class="camera-wall" aria-labelledby="camera-wall-title">
      <h2 id="camera-wall-title">
        {t('command.cameras')} <span class="count">{cameras.length}</span>
      </h2>
      {cameras.length === 0 ? (
        <p class="hint">{t('command.cameras.none')}</p>
      ) : (
        <div class="camera-grid">
          {[...cameras]
            .sort((a, b) => order[a.status] - order[b.status])
            .slice(0, 8)
            .map((camera) => (
              <CameraImage key={camera.id} camera={camera} refreshMs={10_000} />
            ))}
        </div>
      )}
    </section>
  );
}

// Leaflet is its own chunk, loaded by the wall only.
function LazyMap(props: CaseMapProps) {
  const [Map, setMap] = useState<FunctionComponent<CaseMapProps> | null>(null);
  useEffect(() => {
    void import('./case_map').then((module) => setMap(() => module.default));
  }, []);
  return Map ? <Map {...props} /> : <div class="case-map" />;
}

export function CommandWall({ viewer, unit }: { viewer: Viewer; unit: string }) {
  const scope = unit || viewer.home;
  const data = useCommandData(scope, { depth: 'all', alerts: viewer.readAlerts });
  const units = useUnits();
  const unitName = (code: string | null) => (code ? (units.get(code)?.name ?? code) : t('command.city'));
  const summary = data.summary;
  const districts = (summary?.units ?? []).filter(isDistrict).sort((a, b) => a.code.localeCompare(b.code));
  const villagesOf = (code: string) =>
    (summary?.units ?? []).filter((u) => u.parent === code).sort((a, b) => a.code.localeCompare(b.code));
  // A kecamatan or kelurahan scope: its own kelurahan are the units with no kecamatan above them here.
  const loose = (summary?.units ?? []).filter((u) => !isDistrict(u) && !districts.some((d) => d.code === u.parent));
  return (
    <section class="command wall">
      <div class="command-head">
        <h1>
          {t('command.title')}: {summary?.scope.name ?? unitName(scope)}
        </h1>
        <ConnectionState state={data.connection} />
        {summary && <p class="hint">{t('command.asOf', { at: dateTime(summary.as_of) })}</p>}
        <a href={`/petugas/command?${new URLSearchParams({ unit: scope })}`}>{t('command.toPhone')}</a>
      </div>
      {data.problem && (
        <p class="alert" role="alert">
          {data.problem}
        </p>
      )}
      {summary && <FigureLinks unit={scope} figures={summary.figures} />}
      <div class="wall-grid">
        <section class="districts" aria-labelledby="districts-title">
          <div class="districts-head">
          <h2 id="districts-title">{t('command.districts')}</h2>
          <p class="legend">
            {(['overdue', 'unstaffed', 'camera', 'ok'] as const).map((state) => (
              <span key={state} class={`state-label ${state}`}>
                <span aria-hidden="true">{STATE_ICON[state]} </span>
                {t(`command.state.${state}`)}
              </span>
            ))}
          </p>
          </div>
          <div class="district-grid">
            {districts.map((district) => (
              <District key={district.code} district={district} villages={villagesOf(district.code)} />
            ))}
          </div>
          {loose.length > 0 && districts.length > 0 && <h2 class="others">{t('command.others')}</h2>}
          {loose.length > 0 && (
            <ul class="tiles loose">
              {loose.map((u) => (
                <Tile key={u.code} unit={u} compact />
              ))}
            </ul>
          )}
        </section>
        <div class="wall-side">
          <LazyMap scope={scope} version={summary?.as_of ?? ''} />
          <div class="side-pair">
            <Feed events={data.feed} unitName={unitName} limit={12} />
            <AlertList alerts={data.alerts} canAcknowledge={viewer.acknowledge} unitName={unitName} onChanged={data.putAlert} limit={6} />
          </div>
          <CameraWall scope={scope} />
        </div>
      </div>
    </section>
  );
}
