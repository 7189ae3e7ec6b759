// One case for the officer: what was reported, the masked contact with an audited reveal, the
// timeline, and every workflow action the case allows now, each with the fields it needs.
// If-Match carries the version the officer saw: a stale page is told to reload (412).
import { useEffect, useRef, useState, useLayoutEffect } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { CategorySelect } from '../lib/category_select';
import { dateTime } from '../lib/format';
import { t } from '../lib/i18n';
import { Countdown } from './countdown';
import { staff } from './session';

interface StaffCase {
  id: number;
  code: string;
  status: string;
  allowed_actions: string[];
  title: string;
  description: string;
  category: string | null;
  unit: string;
  anonymous: boolean;
  reporter: { name: string; phone: string; email: string; nik: string } | null;
  submitted_at: string;
  sla: { target: string | null; due_at: string | null; level: number };
  version: number;
}
interface CaseEvent {
  id: number;
  at: string;
  actor: string;
  type: string;
  public: boolean;
  detail: string;
  to_status: string | null;
}
interface Option {
  code: string;
  name: string;
  name_en?: string;
}

// What each action asks for besides itself.
const NEEDS_REASON = new Set(['reject', 'forward', 'ask_info', 'reassign', 'resolve']);
const REJECT_REASONS = ['spam', 'duplicate', 'not_public_service', 'not_enough_information'] as const;
const STAFF_ACTIONS = new Set(['verify', 'assign', 'start', 'ask_info', 'info_received', 'forward', 'resolve', 'reject',
  'reassign', 'merge']);

export function CasePage({ id }: { id: number }) {
  const [item, setItem] = useState<StaffCase | null>(null);
  const [events, setEvents] = useState<CaseEvent[]>([]);
  const [units, setUnits] = useState<Option[]>([]);
  const [categories, setCategories] = useState<Option[]>([]);
  const [action, setAction] = useState('');
  const [reason, setReason] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const [unit, setUnit] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [category, setCategory] = useState('');
  const [message, setMessage] = useState('');
  const [contact, setContact] = useState<Record<string, string> | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const saved = useRef<HTMLParagraphElement>(null);
  const focusSaved = useRef(false);  // whether the focus goes to the "saved" line next time

  const load = async () => {
    try {
      const [shown, timeline] = await Promise.all([
        staff<StaffCase>(`/api/v1/complaints/${id}`),
        staff<{ items: CaseEvent[] }>(`/api/v1/complaints/${id}/events`),
      ]);
      setItem(shown);
      setEvents(timeline.items);
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, t('error.network')));
    }
  };
  useEffect(() => {
    void load();
    void staff<{ items: Option[] }>('/api/v1/units').then((list) => setUnits(list.items), () => undefined);
    void staff<{ items: Option[] }>('/api/v1/categories').then((list) => setCategories(list.items), () => undefined);
  }, [id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement).closest('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      if (event.key === 'v' && item?.allowed_actions.includes('verify')) {
        event.preventDefault();
        setAction('verify');
        form.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
      }
      if (event.key === 'r') {
        event.preventDefault();
        document.getElementById('message')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [item]);

  // Choosing an action takes the focus to its form's first field; the keyboard goes on from there.
  // (Layout effects: the focus moves in the same frame the form appears, not a frame later.)
  useLayoutEffect(() => {
    if (action) form.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  }, [action]);
  // When an action went through and its form closed, the focus goes to the "saved" line
  // instead of falling to the top of the page.
  useLayoutEffect(() => {
    if (done && focusSaved.current) saved.current?.focus();
  }, [done]);

  // `keepForm`: the after photo is added from inside the resolve form, which stays open.
  const run = async (work: () => Promise<unknown>, keepForm = false) => {
    setProblem(null);
    setDone('');
    try {
      await work();
      focusSaved.current = !keepForm;
      setDone(t('console.saved'));
      if (!keepForm) {
        setAction('');
        setReason('');
      }
      await load();
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, t('error.network')));
    }
  };
  const act = (event: Event) => {
    event.preventDefault();
    void run(() =>
      staff(`/api/v1/complaints/${id}/actions`, {
        method: 'POST',
        headers: { 'If-Match': `"v${item?.version}"` },
        body: JSON.stringify({
          action,
          ...(reason ? { reason } : {}),
          ...(action === 'reject' ? { reject_reason: rejectReason } : {}),
          ...(action === 'forward' || action === 'reassign' ? { unit_code: unit } : {}),
          ...(action === 'merge' ? { merge_into: mergeInto } : {}),
          ...(action === 'verify' && category ? { category_code: category } : {}),
        }),
      }),
    );
  };
  const post = (kind: 'reply' | 'note') =>
    run(async () => {
      await staff(`/api/v1/complaints/${id}/messages`, { method: 'POST', body: JSON.stringify({ kind, text: message }) });
      setMessage('');
    });
  const upload = (files: FileList | null) => {
    if (!files?.length) return;
    const form = new FormData();
    for (const file of Array.from(files).slice(0, 5)) form.append('photos', file, file.name);
    void run(() => staff(`/api/v1/complaints/${id}/photos`, { method: 'POST', body: form }), true);
  };
  const reveal = () =>
    run(async () => setContact(await staff<Record<string, string>>(`/api/v1/complaints/${id}/reveal`, { method: 'POST' })));

  if (!item) {
    return problem ? (
      <p class="alert" role="alert">
        {problem.message}
      </p>
    ) : (
      <p role="status">{t('console.loading')}</p>
    );
  }
  const field = (name: string) => problem?.field(name);
  return (
    <section>
      <p>
        <a href="/petugas">← {t('console.inbox')}</a>
      </p>
      <h1>
        {item.code} · <span data-testid="case-status">{t(`status.${item.status}` as never)}</span>
      </h1>
      <p class="meta">
        {item.category ?? '—'} · {item.unit} · <Countdown due={item.sla.due_at} />
      </p>
      {item.title && <h2>{item.title}</h2>}
      <p class="description">{item.description}</p>
      <h2>{t('console.reporter')}</h2>
      {item.anonymous || !item.reporter ? (
        <p>{t('console.anonymous')}</p>
      ) : (
        <>
          <p>
            {(contact ?? item.reporter).name || '—'} · {(contact ?? item.reporter).phone || '—'} ·{' '}
            {(contact ?? item.reporter).email || '—'}
          </p>
          {!contact && (
            <button type="button" class="button" onClick={() => void reveal()}>
              {t('console.reveal')}
            </button>
          )}
        </>
      )}
      {problem && (
        <p class="alert" role="alert">
          {problem.status === 412 ? t('console.stale') : problem.message}
          {problem.fields.map((f) => (
            <span key={f.field}>
              <br />
              {f.field}: {f.message}
            </span>
          ))}
        </p>
      )}
      {done && (
        <p role="status" tabIndex={-1} ref={saved}>
          {done}
        </p>
      )}
      <h2>{t('console.actions')}</h2>
      <div class="actions">
        {item.allowed_actions
          .filter((name) => STAFF_ACTIONS.has(name))
          .map((name) => (
            <button key={name} type="button" class={action === name ? 'button primary' : 'button'}
              aria-pressed={action === name} onClick={() => setAction(name)}>
              {t(`action.${name}` as never)}
            </button>
          ))}
      </div>
      {action && (
        <form class="panel" onSubmit={act} ref={form} aria-label={t(`action.${action}` as never)}>
          {action === 'verify' && (
            <div class="field">
              <label for="category_code">{t('console.category')}</label>
              <CategorySelect id="category_code" categories={categories} value={category}
                first={t('console.keepCategory')} onChange={setCategory} />
            </div>
          )}
          {action === 'reject' && (
            <div class="field">
              <label for="reject_reason">{t('console.rejectReason')}</label>
              <select id="reject_reason" value={rejectReason} onChange={(e) => setRejectReason(e.currentTarget.value)}>
                <option value="">{t('report.choose')}</option>
                {REJECT_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`reject.${r}`)}
                  </option>
                ))}
              </select>
              {field('reject_reason') && <small class="error">{field('reject_reason')}</small>}
            </div>
          )}
          {(action === 'forward' || action === 'reassign') && (
            <div class="field">
              <label for="unit_code">{t('console.unit')}</label>
              <select id="unit_code" value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
                <option value="">{t('report.choose')}</option>
                {units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
              {field('unit_code') && <small class="error">{field('unit_code')}</small>}
            </div>
          )}
          {action === 'merge' && (
            <div class="field">
              <label for="merge_into">{t('console.mergeInto')}</label>
              <input id="merge_into" value={mergeInto} onInput={(e) => setMergeInto(e.currentTarget.value)} />
              {field('merge_into') && <small class="error">{field('merge_into')}</small>}
            </div>
          )}
          {action === 'resolve' && (
            <div class="field">
              <label for="after">{t('console.afterPhoto')}</label>
              <input id="after" type="file" accept="image/jpeg,image/png,image/webp" multiple
                onChange={(e) => upload(e.currentTarget.files)} />
              {field('photos') && <small class="error">{field('photos')}</small>}
            </div>
          )}
          <div class="field">
            <label for="reason">{NEEDS_REASON.has(action) ? t('console.reason.required') : t('console.reason')}</label>
            <textarea id="reason" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            {field('reason') && <small class="error">{field('reason')}</small>}
          </div>
          <button type="submit" class="button primary">
            {t('console.confirm', { action: t(`action.${action}` as never) })}
          </button>
        </form>
      )}
      <h2>{t('console.message')}</h2>
      <div class="field">
        <label for="message">{t('track.message')}</label>
        <textarea id="message" rows={3} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
      </div>
      <p class="actions">
        <button type="button" class="button" onClick={() => void post('reply')}>
          {t('console.reply')}
        </button>
        <button type="button" class="button" onClick={() => void post('note')}>
          {t('console.note')}
        </button>
      </p>
      <h2>{t('track.timeline')}</h2>
      <ol class="timeline">
        {events.map((event) => (
          <li key={event.id} class={event.public ? '' : 'internal'}>
            <time dateTime={event.at}>{dateTime(event.at)}</time> · {event.type}
            {!event.public && <em> · {t('console.internal')}</em>}
            {event.detail && <p>{event.detail}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
