// Time left to the deadline a case is held to now, or how late it is; ticks every minute.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';

function span(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('console.duration.days', { days, hours });
  return t('console.duration.hours', { hours, minutes: minutes % 60 });
}

export function Countdown({ due }: { due: string | null }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!due) return <span>{t('console.noDeadline')}</span>;
  const left = new Date(due).getTime() - now;
  return left < 0 ? (
    <span class="late">{t('console.late', { time: span(left) })}</span>
  ) : (
    <span>{t('console.left', { time: span(left) })}</span>
  );
}
