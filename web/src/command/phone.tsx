// The Command Center on a phone (360 px and up): the scope's headline figures, its open alerts,
// the worst units under it (most overdue, then most open), and a tap into a unit — the city, a
// kecamatan, its kelurahan — down to one office: its figures, who is checked in, its cameras with
// their latest image, its alerts. The unit shown is in the URL (?unit=code), so Back works.
import { useEffect, useState } from 'preact/hooks';
import { dateTime } from '../lib/format';
import { t } from '../lib/i18n';
import { staff } from '../console/session';
import { CameraImage, useCameras } from './cameras';
import { figureLink } from './links';
import { useCommandData } from './live';
import { AlertList, commandLink, ConnectionState, Feed, FigureLinks, StateLabel } from './parts';
import { isDistrict, tileState, type OfficePresence, type UnitSummary } from './types';
import { chain, useUnits } from './units';
import type { Viewer } from './viewer';

function worst(units: UnitSummary[]): UnitSummary[] {
  return [...units].sort((a, b) => b.figures.overdue - a.figures.overdue || b.figures.open - a.figures.open || a.name.localeCompare(b.name));
}

function UnitRow({ unit }: { unit: UnitSummary }) {
  return (
    <li class={`unit-row ${tileState(unit)}`}>
      <a href={commandLink(unit.code)}>{unit.name}</a>
      <span class="meta">
        <a href={figureLink(unit.code, 'open')}>{t('command.short.open', { count: unit.figures.open })}</a> ·{' '}
        <a href={figureLink(unit.code, 'overdue')}>{t('command.short.overdue', { count: unit.figures.overdue })}</a> ·{' '}
        <StateLabel unit={unit} />
      </span>
    </li>
  );
}

function StaffPresent({ unit }: { unit: string }) {
  const [offices, setOffices] = useState<OfficePresence[] | null>(null);
  useEffect(() => {
    let stopped = false;
    staff<{ items: OfficePresence[] }>(`/api/v1/presence?${new URLSearchParams({ unit })}`).then(
      (answer) => !stopped && setOffices(answer.items),
      () => !stopped && setOffices(null),
    );
    return () => void (stopped = true);
  }, [unit]);
  if (!offices) return null;
  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">{t('command.staff')}</h2>
      {offices.length === 0 ? (
        <p class="hint">{t('command.staff.noOffice')}</p>
      ) : (
        <ul class="plain">
          {offices.map((office) => (
            <li key={office.unit_code}>
              <strong>{office.unit_name}</strong>
              <span class="meta">
                {office.serving_now ? t('command.staff.serving') : t('command.staff.closed')} ·{' '}
                {t('command.staff.hoursWeek', { hours: office.hours_staffed_week })}
              </span>
              {office.checked_in.length === 0 ? (
                <span class={office.unstaffed_since ? 'late' : 'meta'}>
                  {office.unstaffed_since
                    ? t('command.staff.unstaffedSince', { at: dateTime(office.unstaffed_since) })
                    : t('command.staff.nobody')}
                </span>
              ) : (
                <ul>
                  {office.checked_in.map((person) => (
                    <li key={person.user_id}>
                      {person.name} · {t('command.staff.since', { at: dateTime(person.since) })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Cameras({ unit }: { unit: string }) {
  const cameras = useCameras(unit);
  if (cameras === null) return null;
  return (
    <section aria-labelledby="cameras-title">
      <h2 id="cameras-title">{t('command.cameras')}</h2>
      {cameras.length === 0 ? (
        <p class="hint">{t('command.cameras.none')}</p>
      ) : (
        <div class="camera-grid">
          {cameras.map((camera) => (
            <CameraImage key={camera.id} camera={camera} />
          ))}
        </div>
      )}
    </section>
  );
}

export function CommandPhone({ viewer, unit }: { viewer: Viewer; unit: string }) {
  const scope = unit || viewer.home;
  const data = useCommandData(scope, { alerts: viewer.readAlerts });
  const units = useUnits();
  const unitName = (code: string | null) => (code ? (units.get(code)?.name ?? code) : t('command.city'));
  const summary = data.summary;
  const path = chain(units, viewer.home, scope);
  const leaf = summary !== null && summary.units.length === 0;
  return (
    <section class="command phone">
      <nav aria-label={t('command.path')} class="crumbs">
        {path.map((code, i) =>
          i < path.length - 1 ? (
            <span key={code}>
              <a href={commandLink(code)}>{unitName(code)}</a> ›{' '}
            </span>
          ) : null,
        )}
      </nav>
      <div class="command-head">
        <h1>
          {t('command.title')}: {summary?.scope.name ?? unitName(scope)}
        </h1>
        <ConnectionState state={data.connection} />
        <a href={`/petugas/command/wall?${new URLSearchParams({ unit: scope })}`}>{t('command.toWall')}</a>
      </div>
      {data.problem && (
        <p class="alert" role="alert">
          {data.problem}
        </p>
      )}
      {!summary ? (
        !data.problem && <p role="status">{t('console.loading')}</p>
      ) : (
        <>
          <p class="hint">{t('command.asOf', { at: dateTime(summary.as_of) })}</p>
          <FigureLinks unit={scope} figures={summary.figures} />
          <AlertList alerts={data.alerts} canAcknowledge={viewer.acknowledge} unitName={unitName} onChanged={data.putAlert} limit={leaf ? undefined : 5} />
          {summary.units.length > 0 && (
            <>
              <section aria-labelledby="worst-title">
                <h2 id="worst-title">{t('command.worst')}</h2>
                <ol class="unit-list" data-testid="worst">
                  {worst(summary.units)
                    .slice(0, 5)
                    .map((u) => (
                      <UnitRow key={u.code} unit={u} />
                    ))}
                </ol>
              </section>
              <section aria-labelledby="units-title">
                <h2 id="units-title">{t('command.units')}</h2>
                <ul class="unit-list" data-testid="units">
                  {[...summary.units]
                    .sort((a, b) => Number(isDistrict(b)) - Number(isDistrict(a)) || a.name.localeCompare(b.name))
                    .map((u) => (
                      <UnitRow key={u.code} unit={u} />
                    ))}
                </ul>
              </section>
            </>
          )}
          {leaf && viewer.readPresence && <StaffPresent unit={scope} />}
          {leaf && <Cameras unit={scope} />}
          <Feed events={data.feed} unitName={unitName} limit={10} />
        </>
      )}
    </section>
  );
}
