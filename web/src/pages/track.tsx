// Lacak: the status of a report by its code (typos caught by the server's check symbol), the
// public timeline, and the reporter's own actions with the secret.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, postJson } from '../lib/api';
import { dateTime } from '../lib/format';
import { t } from '../lib/i18n';
import { shrinkPhoto } from '../lib/photos';
import { navigate } from '../lib/router';

interface Tracked {
  code: string;
  merged_into: string | null;
  supporters: number;
  status: string;
  unit: { name: string };
  deadlines: { resolve: string | null };
  timeline: { at: string; type: string; status: string | null; detail: string }[];
}

const statusText = (status: string) => t(`status.${status}` as never);

export function Track({ code }: { code: string }) {
  const [typed, setTyped] = useState(code);
  const [tracked, setTracked] = useState<Tracked | null>(null);
  const [problem, setProblem] = useState('');
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState('');
  const [rating, setRating] = useState('5');
  const [done, setDone] = useState('');

  const load = async (which: string) => {
    setProblem('');
    try {
      setTracked(await api<Tracked>(`/api/v1/track/${encodeURIComponent(which)}`));
    } catch (error) {
      setTracked(null);
      setProblem(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('error.network'));
    }
  };
  useEffect(() => {
    setTyped(code);
    if (code) void load(code);
  }, [code]);

  const addPhotos = async (files: FileList | null) => {
    if (!files?.length) return;
    setDone('');
    const form = new FormData();
    form.append('secret', secret);
    for (const file of Array.from(files).slice(0, 5)) form.append('photos', await shrinkPhoto(file), file.name);
    try {
      await api(`/api/v1/track/${encodeURIComponent(code)}/photos`, { method: 'POST', body: form });
      setDone(t('track.photosAdded'));
      await load(code);
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('error.network'));
    }
  };

  const act = async (action: 'reply' | 'confirm' | 'dispute') => {
    setDone('');
    try {
      await postJson(`/api/v1/track/${encodeURIComponent(code)}/actions`, {
        secret,
        action,
        ...(message ? { message } : {}),
        ...(action === 'confirm' ? { rating: Number(rating) } : {}),
      });
      setDone(t('track.done'));
      setMessage('');
      await load(code);
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('error.network'));
    }
  };

  return (
    <section>
      <h1>{t('track.title')}</h1>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/lacak/${encodeURIComponent(typed.trim())}`);
        }}
      >
        <div class="field">
          <label for="code">{t('track.code')}</label>
          <input id="code" value={typed} autoCapitalize="characters" aria-describedby="code-hint"
            onInput={(e) => setTyped(e.currentTarget.value)} />
          <small id="code-hint" class="hint">{t('track.code.hint')}</small>
        </div>
        <button type="submit" class="button primary">
          {t('track.submit')}
        </button>
      </form>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {tracked && (
        <article class="case">
          <p class="code">{tracked.code}</p>
          {tracked.merged_into && <p class="notice">{t('track.merged', { code: tracked.merged_into })}</p>}
          <dl>
            <dt>{t('track.status')}</dt>
            <dd data-testid="status">{statusText(tracked.status)}</dd>
            <dt>{t('track.unit')}</dt>
            <dd>{tracked.unit.name}</dd>
            <dt>{t('track.deadline')}</dt>
            <dd>{dateTime(tracked.deadlines.resolve)}</dd>
          </dl>
          {tracked.supporters > 0 && <p>{t('track.supporters', { count: tracked.supporters })}</p>}
          <h2>{t('track.timeline')}</h2>
          <ol class="timeline">
            {tracked.timeline.map((entry, i) => (
              <li key={i}>
                <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                {entry.status && <strong> · {statusText(entry.status)}</strong>}
                {entry.detail && <p>{entry.detail}</p>}
              </li>
            ))}
          </ol>
          <details>
            <summary>{t('track.secret')}</summary>
            <div class="field">
              <label for="secret">{t('track.secret')}</label>
              <input id="secret" value={secret} autoComplete="off" onInput={(e) => setSecret(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="message">{t('track.message')}</label>
              <textarea id="message" rows={3} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
            </div>
            <p class="actions">
              <button type="button" class="button" onClick={() => void act('reply')}>
                {t('track.reply')}
              </button>
            </p>
            <div class="field">
              <label for="more-photos">{t('track.addPhotos')}</label>
              <input id="more-photos" type="file" accept="image/jpeg,image/png,image/webp" multiple
                onChange={(e) => void addPhotos(e.currentTarget.files)} />
            </div>
            {tracked.status === 'resolved' && (
              <>
                <div class="field">
                  <label for="rating">{t('track.rating')}</label>
                  <select id="rating" value={rating} onChange={(e) => setRating(e.currentTarget.value)}>
                    {['5', '4', '3', '2', '1'].map((value) => (
                      <option key={value} value={value}>
                        {value}
                      </option>
                    ))}
                  </select>
                </div>
                <p class="actions">
                  <button type="button" class="button primary" onClick={() => void act('confirm')}>
                    {t('track.confirm')}
                  </button>
                  <button type="button" class="button" onClick={() => void act('dispute')}>
                    {t('track.dispute')}
                  </button>
                </p>
              </>
            )}
            {done && <p role="status">{done}</p>}
          </details>
        </article>
      )}
    </section>
  );
}
