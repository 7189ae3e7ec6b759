// The inbox: tabs by status with their counts, search and filters, overdue first with a
// countdown, refreshed every 30 seconds so new cases appear by themselves. Keys: "/" search,
// j/k move the focus down and up the list (the focused case's link, so Enter opens it as any
// link does).
//
// Filters can come in the URL (the Command Center links every figure here): `unit` (a unit and
// everything under it), `status` (a tab's status, `open`, `all`, or a comma list), `overdue=1`,
// `from` (submitted on or after, a date), `region`, `category`.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { navigate, useSearch } from '../lib/router';
import { OPEN_STATUSES } from '../command/links';
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

/// The filters of the inbox's URL (what the API's list takes, under its own names).
interface UrlFilters {
  status: string | null;  // a tab of its own when it is not one of TABS
  overdue: boolean;
  narrow: URLSearchParams;  // unit, submitted_from, region, category
}

function urlFilters(search: string): UrlFilters {
  const params = new URLSearchParams(search);
  const narrow = new URLSearchParams();
  for (const [name, api] of [['unit', 'unit'], ['from', 'submitted_from'], ['region', 'region'], ['category', 'category']]) {
    const value = params.get(name);
    if (value) narrow.set(api, value);
  }
  const overdue = params.get('overdue');
  return { status: params.get('status'), overdue: overdue === '1' || overdue === 'true', narrow };
}

/// The statuses a tab lists (null: all of them).
function tabStatuses(tab: string): string | null {
  if (tab === 'all') return null;
  if (tab === 'open') return OPEN_STATUSES.join(',');
  return tab;
}

function tabLabel(tab: string): string {
  if (tab === 'all') return t('console.tab.all');
  if (tab === 'open') return t('console.tab.open');
  return tab
    .split(',')
    .map((status) => ((TABS as readonly string[]).includes(status) || status === 'closed' || status === 'rejected' ? t(`status.${status as 'closed'}`) : status))
    .join(' + ');
}

function tabCount(tab: string, counts: Record<string, number>, total: number): number {
  const statuses = tabStatuses(tab);
  if (statuses === null) return total;
  return statuses.split(',').reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

export function Inbox() {
  // A new URL (another figure's link) starts the inbox afresh with its filters.
  const search = useSearch();
  return <InboxList key={search} filters={urlFilters(search)} />;
}

function InboxList({ filters }: { filters: UrlFilters }) {
  const extraTab = filters.status && !(TABS as readonly string[]).includes(filters.status) ? filters.status : null;
  const [tab, setTab] = useState<string>(filters.status ?? 'submitted');
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [total, setTotal] = useState(0);
  const [items, setItems] = useState<CaseItem[]>([]);
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const [overdue, setOverdue] = useState(filters.overdue);
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // Only the newest request's answer is shown: an earlier one (the list before a search, a
  // refresh) that arrives late must not replace it.
  const newest = useRef(0);
  const load = async () => {
    const request = ++newest.current;
    const narrowed = new URLSearchParams(filters.narrow);
    if (applied) narrowed.set('q', applied);
    if (overdue) narrowed.set('overdue', 'true');
    const listed = new URLSearchParams(narrowed);
    const statuses = tabStatuses(tab);
    if (statuses) listed.set('status', statuses);
    listed.set('sort', 'due');
    listed.set('limit', '50');
    try {
      const [count, list] = await Promise.all([
        staff<{ counts: Record<string, number>; total: number }>(`/api/v1/complaints/counts?${narrowed}`),
        staff<{ items: CaseItem[] }>(`/api/v1/complaints?${listed}`),
      ]);
      if (request !== newest.current) return;
      setCounts(count.counts);
      setTotal(count.total);
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
      {[...filters.narrow].length > 0 && (
        <p class="notice" data-testid="inbox-filters">
          {t('console.filtered')}{' '}
          {[...filters.narrow].map(([name, value]) => `${t(`console.filter.${name as 'unit'}`)} ${value}`).join(' · ')} ·{' '}
          <a href="/petugas">{t('console.filter.clear')}</a>
        </p>
      )}
      <div class="tabs" role="tablist" aria-label={t('console.inbox')}>
        {extraTab && (
          <button
            type="button"
            role="tab"
            aria-selected={tab === extraTab}
            class={tab === extraTab ? 'tab active' : 'tab'}
            onClick={() => {
              setTab(extraTab);
              setSelected(0);
            }}
          >
            {tabLabel(extraTab)} <span class="count">{tabCount(extraTab, counts, total)}</span>
          </button>
        )}
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
