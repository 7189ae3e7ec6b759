import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { onOutboxChange, pendingReports } from '../lib/outbox';

export function Home() {
  const [pending, setPending] = useState(0);
  useEffect(() => {
    const count = () => void pendingReports().then((reports) => setPending(reports.length), () => undefined);
    count();
    return onOutboxChange(count);
  }, []);
  return (
    <section class="hero">
      <h1>{t('home.title')}</h1>
      <p>{t('home.lead')}</p>
      <p class="actions">
        <a class="button primary" href="/lapor">
          {t('home.report')}
        </a>
        <a class="button" href="/lacak">
          {t('home.track')}
        </a>
      </p>
      {pending > 0 && (
        <p class="notice" role="status">
          <strong>{t('report.waiting')}</strong> — {t('home.pending', { count: pending })}
        </p>
      )}
    </section>
  );
}
