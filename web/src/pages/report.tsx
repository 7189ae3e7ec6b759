// Lapor: the citizen's report. Works on a slow phone: plain form controls, photos shrunk before
// upload, the kecamatan/kelurahan lists when there is no GPS, and a report written without a
// signal kept on the phone and sent by itself later (lib/outbox).
import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, NetworkError, api, postJson } from '../lib/api';
import { CategorySelect } from '../lib/category_select';
import { t } from '../lib/i18n';
import { deviceId, randomId } from '../lib/ids';
import { reportBody } from '../lib/multipart';
import { savePending } from '../lib/outbox';
import { shrinkPhoto } from '../lib/photos';
import { navigate } from '../lib/router';
import type { MapSettings } from './map_picker';

type MapPickerProps = { settings: MapSettings; pin: Pin | null; onPick: (latitude: number, longitude: number) => void };

interface Category {
  code: string;
  name: string;
  name_en: string;
}
interface Region {
  code: string;
  name: string;
}
interface Similar {
  code: string;
  title: string;
  status: string;
  supporters: number;
  distance_m: number | null;
}
interface Pin {
  latitude: number;
  longitude: number;
  accuracy_m: number;
}

const MAX_PHOTOS = 5;

function Field(props: { id: string; label: string; error?: string; hint?: string; children: preact.ComponentChildren }) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={`${props.id}-error`} class="error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

export function Report() {
  const [categories, setCategories] = useState<Category[]>([]);
  const [districts, setDistricts] = useState<Region[]>([]);
  const [villages, setVillages] = useState<Region[]>([]);
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [district, setDistrict] = useState('');
  const [village, setVillage] = useState('');
  const [address, setAddress] = useState('');
  const [pin, setPin] = useState<Pin | null>(null);
  const [pinProblem, setPinProblem] = useState(false);
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [confidential, setConfidential] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [similar, setSimilar] = useState<Similar[] | null>(null);
  const [supported, setSupported] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const key = useRef(randomId());  // one Idempotency-Key per report, kept across retries
  const [map, setMap] = useState<{ settings: MapSettings; Picker: FunctionComponent<MapPickerProps> } | null>(null);

  useEffect(() => {
    void api<{ items: Category[] }>('/api/v1/categories').then((list) => setCategories(list.items), () => undefined);
    void api<{ items: Region[] }>('/api/v1/regions?parent=16.71').then((list) => setDistricts(list.items), () => undefined);
    // The map only where the city set up a tile server; Leaflet is loaded then, not before.
    void api<{ map: MapSettings | null }>('/api/v1/portal').then(async (portal) => {
      if (!portal.map) return;
      const module = await import('./map_picker');
      setMap({ settings: portal.map, Picker: module.default });
    }, () => undefined);
  }, []);
  useEffect(() => {
    setVillage('');
    if (!district) return setVillages([]);
    void api<{ items: Region[] }>(`/api/v1/regions?parent=${district}`).then((list) => setVillages(list.items), () => undefined);
  }, [district]);

  const useLocation = () => {
    setPinProblem(false);
    navigator.geolocation?.getCurrentPosition(
      (position) =>
        setPin({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracy_m: Math.round(position.coords.accuracy),
        }),
      () => setPinProblem(true),
      { enableHighAccuracy: true, timeout: 15000 },
    );
  };

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PHOTOS - photos.length;
    const shrunk = await Promise.all(Array.from(files).slice(0, room).map(shrinkPhoto));
    setPhotos([...photos, ...shrunk]);
  };

  const report = () => ({
    description,
    ...(title ? { title } : {}),
    ...(category ? { category } : {}),
    ...(village ? { region_code: village } : {}),
    ...(pin ? { location: pin } : {}),
    ...(address ? { address } : {}),
    anonymous,
    confidential,
    channel: 'web',
    ...(name || phone || email
      ? { reporter: { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) } }
      : {}),
  });

  // The same key and the same bytes on every try (lib/multipart), so a retry is known as one.
  const send = (json: string) => {
    const { body, contentType } = reportBody(key.current, json, photos);
    return api<Record<string, unknown>>('/api/v1/complaints', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key.current, 'Content-Type': contentType },
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setNotice('');
    setBusy(true);
    const json = JSON.stringify(report());
    try {
      if (similar === null && category && (pin || village) && description.length >= 10) {
        const found = await postJson<{ items: Similar[] }>('/api/v1/possible-duplicates', {
          category,
          description,
          ...(title ? { title } : {}),
          ...(village ? { region_code: village } : {}),
          ...(pin ? { location: pin } : {}),
        });
        setSimilar(found.items);
        if (found.items.length > 0) return;  // let the person look first; the next press sends
      }
      const answer = await send(json);
      sessionStorage.setItem('sigap.lastReport', JSON.stringify(answer));
      navigate('/lapor/terkirim');
    } catch (error) {
      if (error instanceof NetworkError) {
        await savePending({ key: key.current, body: json, photos, savedAt: new Date().toISOString() });
        setNotice(t('report.offline'));
      } else if (error instanceof ApiError) {
        setProblem(error);
      } else {
        setProblem(new ApiError(0, t('error.generic')));
      }
    } finally {
      setBusy(false);
    }
  };

  const support = async (code: string) => {
    try {
      const answer = await postJson<{ supporters: number }>(`/api/v1/track/${code}/support`, { device: deviceId() });
      setSupported(t('report.similar.supported', { count: answer.supporters }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, t('error.network')));
    }
  };

  const fieldError = (...names: string[]) => names.map((name) => problem?.field(name)).find(Boolean);
  const describedBy = (id: string, hint = false) =>
    [hint ? `${id}-hint` : '', fieldError(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <section>
      <h1>{t('report.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          <strong>{t('report.waiting')}</strong> — {notice}
        </p>
      )}
      {problem && (
        <p class="alert" role="alert">
          {problem.fields.length ? t('report.errors') : problem.message}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <Field id="category" label={t('report.category')} error={fieldError('category')}>
          <CategorySelect id="category" categories={categories} value={category} first={t('report.category.none')}
            onChange={setCategory} />
        </Field>
        <Field id="title" label={t('report.titleField')} error={fieldError('title')}>
          <input id="title" value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} />
        </Field>
        <Field id="description" label={t('report.description')} hint={t('report.description.hint')} error={fieldError('description')}>
          <textarea
            id="description"
            required
            rows={5}
            maxLength={5000}
            value={description}
            aria-describedby={describedBy('description', true)}
            aria-invalid={fieldError('description') ? true : undefined}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </Field>
        <fieldset>
          <legend>{t('report.where')}</legend>
          <p>
            <button type="button" class="button" onClick={useLocation}>
              {t('report.useLocation')}
            </button>
          </p>
          {map && (
            <map.Picker
              settings={map.settings}
              pin={pin}
              onPick={(latitude, longitude) => setPin({ latitude, longitude, accuracy_m: 10 })}
            />
          )}
          {pin && (
            <p class="hint" role="status">
              {t('report.locationSet', { lat: pin.latitude.toFixed(5), lon: pin.longitude.toFixed(5), accuracy: pin.accuracy_m })}
            </p>
          )}
          {(pinProblem || fieldError('location.latitude', 'location.longitude')) && (
            <p class="error" role="alert">
              {fieldError('location.latitude', 'location.longitude') ?? t('report.locationFailed')}
            </p>
          )}
          <Field id="district" label={t('report.kecamatan')}>
            <select id="district" value={district} onChange={(e) => setDistrict(e.currentTarget.value)}>
              <option value="">{t('report.choose')}</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="village" label={t('report.kelurahan')} error={fieldError('region_code')}>
            <select id="village" value={village} disabled={!district} onChange={(e) => setVillage(e.currentTarget.value)}>
              <option value="">{t('report.choose')}</option>
              {villages.map((v) => (
                <option key={v.code} value={v.code}>
                  {v.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="address" label={t('report.address')} error={fieldError('address')}>
            <input id="address" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
          </Field>
        </fieldset>
        <Field id="photos" label={t('report.photos')} hint={t('report.photos.hint')} error={fieldError('photos')}>
          <input
            id="photos"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={photos.length >= MAX_PHOTOS}
            aria-describedby={describedBy('photos', true)}
            onChange={(e) => void addPhotos(e.currentTarget.files)}
          />
        </Field>
        {photos.length > 0 && (
          <ul class="thumbs">
            {photos.map((photo, i) => (
              <li key={i}>
                <img src={URL.createObjectURL(photo)} alt="" width={72} height={72} />
                <button type="button" class="link" onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>
                  {t('report.photos.remove', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <fieldset>
          <legend>{t('report.privacy')}</legend>
          <div class="check">
            <input id="anonymous" type="checkbox" checked={anonymous} aria-describedby="anonymous-help"
              onChange={(e) => setAnonymous(e.currentTarget.checked)} />
            <label for="anonymous">{t('report.anonymous')}</label>
            <small id="anonymous-help" class="hint">{t('report.anonymous.help')}</small>
          </div>
          <div class="check">
            <input id="confidential" type="checkbox" checked={confidential} aria-describedby="confidential-help"
              onChange={(e) => setConfidential(e.currentTarget.checked)} />
            <label for="confidential">{t('report.confidential')}</label>
            <small id="confidential-help" class="hint">{t('report.confidential.help')}</small>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('report.contact')}</legend>
          <Field id="name" label={t('report.name')} error={fieldError('reporter.name')}>
            <input id="name" autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field id="phone" label={t('report.phone')} error={fieldError('reporter.phone')}>
            <input id="phone" type="tel" autoComplete="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
          </Field>
          <Field id="email" label={t('report.email')} error={fieldError('reporter.email')}>
            <input id="email" type="email" autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </Field>
        </fieldset>
        {similar !== null && (
          <section class="similar" aria-live="polite">
            <h2>{t('report.similar.title')}</h2>
            {similar.length === 0 ? (
              <p>{t('report.similar.none')}</p>
            ) : (
              <>
                <p>{t('report.similar.lead')}</p>
                <ul>
                  {similar.map((s) => (
                    <li key={s.code}>
                      <strong>{s.title || s.code}</strong> · {t(`status.${s.status}` as never)}
                      {s.distance_m !== null && <> · {t('report.similar.distance', { distance: s.distance_m })}</>}
                      <button type="button" class="button" onClick={() => void support(s.code)}>
                        {t('report.similar.support')}
                      </button>
                    </li>
                  ))}
                </ul>
                {supported && <p role="status">{supported}</p>}
              </>
            )}
          </section>
        )}
        <p>
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('report.sending') : t('report.send')}
          </button>
        </p>
      </form>
    </section>
  );
}
