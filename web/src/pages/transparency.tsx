// Transparansi: the same figures for everyone — per unit received, resolved (fixed vs closed
// without a fix), time to first response, share within the deadline, rating — and the public
// list of cases (never confidential ones, never personal data) with filters.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { CategorySelect } from '../lib/category_select';
import { dateTime } from '../lib/format';
import { t } from '../lib/i18n';

interface Figures {
  received: number;
  resolved: number;
  fixed: number;
  closed_without_fix: number;
  median_first_response_seconds: number | null;
  within_deadline_share: number | null;
  average_rating: number | null;
}
interface Stats {
  city: Figures;
  units: (Figures & { unit: string; name: string })[];
}
interface PublicCase {
  code: string;
  status: string;
  title: string;
  description: string;
  category: string | null;
  submitted_at: string;
  support_count: number;
  tracking_url: string;
}
interface Option {
  code: string;
  name: string;
  name_en?: string;
}

const hours = (seconds: number | null) => (seconds === null ? '—' : (seconds / 3600).toFixed(1));
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const rating = (value: number | null) => (value === null ? '—' : value.toFixed(1));

export function Transparency() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [cases, setCases] = useState<PublicCase[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [categories, setCategories] = useState<Option[]>([]);
  const [districts, setDistricts] = useState<Option[]>([]);
  const [category, setCategory] = useState('');
  const [region, setRegion] = useState('');
  const [problem, setProblem] = useState('');

  const query = (after: string | null) => {
    const params = new URLSearchParams({ limit: '20' });
    if (category) params.set('category', category);
    if (region) params.set('region', region);
    if (after) params.set('cursor', after);
    return `/api/v1/public/complaints?${params}`;
  };
  const loadCases = async (after: string | null) => {
    try {
      const page = await api<{ items: PublicCase[]; next_cursor: string | number | null }>(query(after));
      setCases(after ? [...cases, ...page.items] : page.items);
      setCursor(page.next_cursor === null ? null : String(page.next_cursor));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t('error.network'));
    }
  };
  useEffect(() => {
    void api<Stats>('/api/v1/public/stats').then(setStats, () => setProblem(t('error.network')));
    void api<{ items: Option[] }>('/api/v1/categories').then((list) => setCategories(list.items), () => undefined);
    void api<{ items: Option[] }>('/api/v1/regions?parent=16.71').then((list) => setDistricts(list.items), () => undefined);
  }, []);
  useEffect(() => void loadCases(null), [category, region]);

  return (
    <section>
      <h1>{t('transparency.title')}</h1>
      <p>{t('transparency.lead')}</p>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {stats && (
        <div class="scroll" tabIndex={0} role="region" aria-label={t('transparency.figures')}>
          <table class="figures">
            <caption>{t('transparency.figures')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transparency.unit')}</th>
                <th scope="col">{t('transparency.received')}</th>
                <th scope="col">{t('transparency.fixed')}</th>
                <th scope="col">{t('transparency.withoutFix')}</th>
                <th scope="col">{t('transparency.firstResponse')}</th>
                <th scope="col">{t('transparency.withinDeadline')}</th>
                <th scope="col">{t('transparency.rating')}</th>
              </tr>
            </thead>
            <tbody>
              {[{ ...stats.city, unit: '', name: t('transparency.city') }, ...stats.units].map((row) => (
                <tr key={row.unit || 'city'}>
                  <th scope="row">{row.name}</th>
                  <td data-label={t('transparency.received')}>{row.received}</td>
                  <td data-label={t('transparency.fixed')}>{row.fixed}</td>
                  <td data-label={t('transparency.withoutFix')}>{row.closed_without_fix}</td>
                  <td data-label={t('transparency.firstResponse')}>{hours(row.median_first_response_seconds)}</td>
                  <td data-label={t('transparency.withinDeadline')}>{percent(row.within_deadline_share)}</td>
                  <td data-label={t('transparency.rating')}>{rating(row.average_rating)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('transparency.cases')}</h2>
      <div class="inline">
        <div class="field">
          <label for="filter-category">{t('report.category')}</label>
          <CategorySelect id="filter-category" categories={categories} value={category} first={t('transparency.all')}
            onChange={setCategory} />
        </div>
        <div class="field">
          <label for="filter-region">{t('report.kecamatan')}</label>
          <select id="filter-region" value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
            <option value="">{t('transparency.all')}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {cases.length === 0 ? (
        <p>{t('console.empty')}</p>
      ) : (
        <ul class="cases">
          {cases.map((item) => (
            <li key={item.code}>
              <a href={item.tracking_url}>
                <strong>{item.code}</strong> {item.title || item.description.slice(0, 90)}
              </a>
              <span class="meta">
                {t(`status.${item.status}` as never)} · {dateTime(item.submitted_at)}
                {item.support_count > 0 && <> · {t('track.supporters', { count: item.support_count })}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="button" onClick={() => void loadCases(cursor)}>
          {t('transparency.more')}
        </button>
      )}
    </section>
  );
}
