// Two-step verification set-up, required of admins and leaders at their first sign-in (#3):
// the secret to type into an authenticator app (or its otpauth link), a code to confirm it,
// then the ten recovery codes, shown once.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { staff } from './session';

export function EnrolTotp({ onDone }: { onDone: () => void }) {
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    void staff<{ secret: string; uri: string }>('/api/v1/session/totp', { method: 'POST' }).then(setEnrolment, (error) =>
      setProblem(error instanceof ApiError ? error.message : t('error.network')),
    );
  }, []);
  const confirm = async (event: Event) => {
    event.preventDefault();
    try {
      const answer = await staff<{ recovery_codes: string[] }>('/api/v1/session/totp/confirm', {
        method: 'POST',
        body: JSON.stringify({ code }),
      });
      setRecovery(answer.recovery_codes);
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('error.network'));
    }
  };
  if (recovery) {
    return (
      <section>
        <h1>{t('totp.recovery')}</h1>
        <p>{t('totp.recovery.lead')}</p>
        <ul class="codes" data-testid="recovery-codes">
          {recovery.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" class="button primary" onClick={onDone}>
          {t('totp.continue')}
        </button>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('totp.title')}</h1>
      <p>{t('totp.lead')}</p>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {enrolment && (
        <>
          <p>
            {t('totp.secret')} <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <p>
            <a href={enrolment.uri}>{t('totp.openApp')}</a>
          </p>
          <form onSubmit={confirm}>
            <div class="field">
              <label for="totp-code">{t('console.totp')}</label>
              <input id="totp-code" inputMode="numeric" autoComplete="one-time-code" value={code}
                onInput={(e) => setCode(e.currentTarget.value)} />
            </div>
            <button type="submit" class="button primary">
              {t('totp.confirm')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
