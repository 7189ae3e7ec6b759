// Admin: units (offices). A form for a new unit, which also changes an existing one (its code
// never changes once made), then the list, narrowed by kind and by a word. The server checks
// every field at once; its messages stand next to the fields they name.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { type Unit, UnitSelect, useForm } from './admin_form';
import { Field, aria } from './field';
import { staff } from './session';

const TYPES = ['city', 'agency', 'district_office', 'village_office', 'service_hall', 'service_counter'] as const;
const ZONES = [
  ['Asia/Jakarta', 'WIB'],
  ['Asia/Pontianak', 'WIB'],
  ['Asia/Makassar', 'WITA'],
  ['Asia/Jayapura', 'WIT'],
] as const;

interface Draft {
  code: string;
  type: string;
  name: string;
  parent_code: string;
  region_code: string;
  service_hours_text: string;
  latitude: string;
  longitude: string;
  time_zone: string;
}

const EMPTY: Draft = {
  code: '',
  type: 'agency',
  name: '',
  parent_code: '',
  region_code: '',
  service_hours_text: 'mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30',
  latitude: '',
  longitude: '',
  time_zone: 'Asia/Jakarta',
};

const draftOf = (unit: Unit): Draft => ({
  code: unit.code,
  type: unit.type,
  name: unit.name,
  parent_code: unit.parent_code ?? '',
  region_code: unit.region_code ?? '',
  service_hours_text: unit.service_hours_text,
  latitude: unit.office_location ? String(unit.office_location.latitude) : '',
  longitude: unit.office_location ? String(unit.office_location.longitude) : '',
  time_zone: unit.time_zone,
});

// A coordinate as typed: the number when it is one, else the text (the server names the field).
const coordinate = (text: string): number | string | undefined =>
  text.trim() === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text;

export function Units({ units, onChanged }: { units: Unit[]; onChanged: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<Unit | null>(null);
  const [kind, setKind] = useState('');
  const [word, setWord] = useState('');
  const form = useForm();
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) nameInput.current?.focus();
  }, [editing]);

  const change = (name: keyof Draft) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  const edit = (unit: Unit) => {
    form.reset();
    setEditing(unit);
    setDraft(draftOf(unit));
  };
  const stopEditing = () => {
    form.reset();
    setEditing(null);
    setDraft(EMPTY);
  };
  const save = (event: Event) => {
    event.preventDefault();
    const latitude = coordinate(draft.latitude);
    const longitude = coordinate(draft.longitude);
    const body = {
      ...(editing ? {} : { code: draft.code }),
      type: draft.type,
      name: draft.name,
      parent_code: draft.parent_code,
      region_code: draft.region_code,
      service_hours_text: draft.service_hours_text,
      time_zone: draft.time_zone,
      office_location:
        latitude === undefined && longitude === undefined
          ? null
          : { ...(latitude === undefined ? {} : { latitude }), ...(longitude === undefined ? {} : { longitude }) },
    };
    void form.submit(
      () =>
        staff<Unit>(editing ? `/api/v1/units/${editing.id}` : '/api/v1/units', {
          method: editing ? 'PUT' : 'POST',
          body: JSON.stringify(body),
        }),
      () => {
        onChanged();
        if (!editing) setDraft(EMPTY);
      },
    );
  };

  const names = new Map(units.map((u) => [u.code, u.name]));
  const needle = word.trim().toLowerCase();
  const shown = units.filter(
    (u) => (!kind || u.type === kind) && (!needle || u.name.toLowerCase().includes(needle) || u.code.includes(needle)),
  );
  const error = form.field;
  return (
    <>
      <h2>{t('admin.units')}</h2>
      <form class="panel" onSubmit={save}>
        <h3>{editing ? t('admin.editUnit', { name: editing.name }) : t('admin.newUnit')}</h3>
        {form.banner}
        <Field id="unit-code" label={t('admin.code')} hint={t('admin.code.hint')} error={error('code')}>
          <input id="unit-code" value={draft.code} readOnly={!!editing} onInput={change('code')}
            {...aria('unit-code', error('code'), true)} />
        </Field>
        <Field id="unit-type" label={t('admin.unitType')} error={error('type')}>
          <select id="unit-type" value={draft.type} onChange={change('type')} {...aria('unit-type', error('type'))}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`unitType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="unit-name" label={t('admin.unitName')} error={error('name')}>
          <input id="unit-name" ref={nameInput} value={draft.name} onInput={change('name')} {...aria('unit-name', error('name'))} />
        </Field>
        <Field id="unit-parent" label={t('admin.parent')} error={error('parent_code')}>
          <UnitSelect id="unit-parent" units={units} value={draft.parent_code} invalid={!!error('parent_code')}
            onChange={(parent_code) => setDraft({ ...draft, parent_code })} />
        </Field>
        <Field id="unit-region" label={t('admin.unitRegion')} error={error('region_code')}>
          <input id="unit-region" value={draft.region_code} placeholder="16.71.01" onInput={change('region_code')}
            {...aria('unit-region', error('region_code'))} />
        </Field>
        <Field id="unit-hours" label={t('admin.hours')} hint={t('admin.hours.hint')} error={error('service_hours_text')}>
          <input id="unit-hours" value={draft.service_hours_text} onInput={change('service_hours_text')}
            {...aria('unit-hours', error('service_hours_text'), true)} />
        </Field>
        <Field id="unit-latitude" label={t('admin.latitude')} error={error('office_location.latitude', 'office_location')}>
          <input id="unit-latitude" inputMode="decimal" value={draft.latitude} placeholder="-2.9909" onInput={change('latitude')}
            {...aria('unit-latitude', error('office_location.latitude', 'office_location'))} />
        </Field>
        <Field id="unit-longitude" label={t('admin.longitude')} error={error('office_location.longitude')}>
          <input id="unit-longitude" inputMode="decimal" value={draft.longitude} placeholder="104.7566"
            onInput={change('longitude')} {...aria('unit-longitude', error('office_location.longitude'))} />
        </Field>
        <Field id="unit-zone" label={t('admin.zone')} error={error('time_zone')}>
          <select id="unit-zone" value={draft.time_zone} onChange={change('time_zone')} {...aria('unit-zone', error('time_zone'))}>
            {ZONES.map(([zone, abbreviation]) => (
              <option key={zone} value={zone}>
                {abbreviation} ({zone})
              </option>
            ))}
          </select>
        </Field>
        <p class="actions">
          <button type="submit" class="button primary">
            {editing ? t('admin.save') : t('admin.create')}
          </button>
          {editing && (
            <button type="button" class="button" onClick={stopEditing}>
              {t('admin.cancel')}
            </button>
          )}
        </p>
      </form>
      <div class="inline">
        <div class="field">
          <label for="unit-filter-type">{t('admin.filterType')}</label>
          <select id="unit-filter-type" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{t('admin.allTypes')}</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`unitType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="unit-filter-word">{t('admin.filterWord')}</label>
          <input id="unit-filter-word" type="search" value={word} onInput={(e) => setWord(e.currentTarget.value)} />
        </div>
      </div>
      <p role="status">{t('admin.shown', { count: shown.length, total: units.length })}</p>
      <ul class="cases">
        {shown.map((unit) => (
          <li key={unit.code}>
            <strong>{unit.name}</strong> · <code>{unit.code}</code>
            <span class="meta">
              {t(`unitType.${unit.type}` as never)} · {unit.parent_code ? names.get(unit.parent_code) ?? unit.parent_code : t('admin.noParent')}
              {unit.region_code && <> · {unit.region_code}</>}
            </span>
            <button type="button" class="link" aria-label={t('admin.editNamed', { name: unit.name })} onClick={() => edit(unit)}>
              {t('admin.edit')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
