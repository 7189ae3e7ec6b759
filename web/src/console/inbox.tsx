// The inbox: tabs by status with their counts, search and filters, overdue first with a
// countdown, refreshed every 30 seconds so new cases appear by themselves. Keys: "/" search,
// j/k move the focus down and up the list (the focused case's link, so Enter opens it as any
// link does).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { navigate } from '../lib/router';
import { staff } from './session';
import { Countdown } from './countdown';

interface CaseItem {
  id: number;
  code: string;
  status: string;
  title: string;
  description: string;
  category: string | null;
  unit: string;
  submitted_at: string;
  sla: { target: string | null; due_at: string | null; level: number };
}

const TABS = ['submitted', 'verified', 'assigned', 'in_progress', 'need_info', 'reopened', 'resolved'] as const;
const REFRESH_MS = 30_000;

export function Inbox() {
  const [tab, setTab] = useState<string>('submitted');
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [items, setItems] = useState<CaseItem[]>([]);
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // Only the newest request's answer is shown: an earlier one (the list before a search, a
  // refresh) that arrives late must not replace it.
  const newest = useRef(0);
  const load = async () => {
    const request = ++newest.current;
    const filters = new URLSearchParams();
    if (applied) filters.set('q', applied);
    if (overdue) filters.set('overdue', 'true');
    try {
      const [count, list] = await Promise.all([
        staff<{ counts: Record<string, number> }>(`/api/v1/complaints/counts?${filters}`),
        staff<{ items: CaseItem[] }>(`/api/v1/complaints?${filters}&status=${tab}&sort=due&limit=50`),
      ]);
      if (request !== newest.current) return;
      setCounts(count.counts);
      setItems(list.items);
      setProblem('');
    } catch (error) {
      if (request !== newest.current) return;
      setProblem(error instanceof ApiError ? error.message : t('error.network'));
    }
  };
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [tab, applied, overdue]);

  // j and k move the focus itself, so it is seen, read out and opened with Enter like any link.
  const focusCase = (index: number) => {
    setSelected(index);
    list.current?.querySelectorAll<HTMLAnchorElement>('li > a')[index]?.focus();
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
      const current = list.current?.contains(target) ? selected : -1;
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
      } else if (event.key === 'j' && items.length > 0) focusCase(Math.min(current + 1, items.length - 1));
      else if (event.key === 'k' && items.length > 0) focusCase(Math.max(current - 1, 0));
      else if (event.key === 'Enter' && !target.closest('a, button') && items[selected]) {
        navigate(`/petugas/aduan/${items[selected].id}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected]);

  return (
    <section>
      <h1>{t('console.inbox')}</h1>
      <form
        class="inline"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(query.trim());
        }}
      >
        <div class="field">
          <label for="q">{t('console.search')}</label>
          <input id="q" ref={search} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div class="check">
          <input id="overdue" type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
          <label for="overdue">{t('console.overdueOnly')}</label>
        </div>
        <button type="submit" class="button">
          {t('console.search.submit')}
        </button>
      </form>
      <div class="tabs" role="tablist" aria-label={t('console.inbox')}>
        {TABS.map((status) => (
          <button
            key={status}
            type="button"
            role="tab"
            aria-selected={tab === status}
            class={tab === status ? 'tab active' : 'tab'}
            onClick={() => {
              setTab(status);
              setSelected(0);
            }}
          >
            {t(`status.${status}`)} <span class="count">{counts[status] ?? 0}</span>
          </button>
        ))}
      </div>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('console.empty')}</p>
      ) : (
        <div role="tabpanel">
        <ul class="cases" ref={list}>
          {items.map((item, i) => (
            <li key={item.id} class={i === selected ? 'selected' : ''}>
              <a href={`/petugas/aduan/${item.id}`} onFocus={() => setSelected(i)}>
                <strong>{item.code}</strong> {item.title || item.description.slice(0, 80)}
              </a>
              <span class="meta">
                {item.category ?? '—'} · {item.unit} · <Countdown due={item.sla.due_at} />
              </span>
            </li>
          ))}
        </ul>
        </div>
      )}
      <p class="hint">{t('console.keys')}</p>
    </section>
  );
}
