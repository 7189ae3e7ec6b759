// The answer to a report: the code in large type to copy, share or read over the phone, the
// reporter secret once, and what happens next.
import { useState } from 'preact/hooks';
import { dateTime } from '../lib/format';
import { t } from '../lib/i18n';

interface Answer {
  code: string;
  reporter_secret: string;
  tracking_url: string;
  unit: { name: string };
  deadlines: { verify: string | null };
}

export function Success() {
  const [copied, setCopied] = useState(false);
  const stored = sessionStorage.getItem('sigap.lastReport');
  if (!stored) {
    return (
      <section>
        <h1>{t('success.title')}</h1>
        <p>
          <a href="/lacak">{t('success.track')}</a>
        </p>
      </section>
    );
  }
  const answer = JSON.parse(stored) as Answer;
  const url = `${location.origin}${answer.tracking_url}`;
  const share = `https://wa.me/?text=${encodeURIComponent(t('success.share.text', { code: answer.code, url }))}`;
  const copy = async () => {
    await navigator.clipboard?.writeText(answer.code).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section>
      <h1>{t('success.title')}</h1>
      <p>{t('success.code')}</p>
      <p class="code" data-testid="public-code">
        {answer.code}
      </p>
      <p class="actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {t('success.copy')}
        </button>
        <a class="button" href={share} target="_blank" rel="noopener noreferrer">
          {t('success.share')}
        </a>
      </p>
      {copied && <p role="status">{t('success.copied')}</p>}
      <p>{t('success.next', { deadline: dateTime(answer.deadlines.verify), unit: answer.unit.name })}</p>
      <p>{t('success.secret')}</p>
      <p class="secret">
        <code>{answer.reporter_secret}</code>
      </p>
      <p>
        <a class="button primary" href={answer.tracking_url}>
          {t('success.track')}
        </a>
      </p>
    </section>
  );
}
