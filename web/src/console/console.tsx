// The officer console (lazy: loaded only after /petugas is opened, so the citizen portal stays
// small). Sign-in with the session and CSRF of #3, TOTP when the account has it.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { Admin } from './admin';
import { CasePage } from './case_page';
import { EnrolTotp } from './enrol_totp';
import { Inbox } from './inbox';
import { currentSession, secondFactor, signIn, signOut, type StaffUser } from './session';

// The Command Center is a chunk of its own, fetched only when it is opened.
type CommandProps = { path: string; user: StaffUser };
function LazyCommand(props: CommandProps) {
  const [Command, setCommand] = useState<FunctionComponent<CommandProps> | null>(null);
  useEffect(() => {
    void import('../command/command').then((module) => setCommand(() => module.default));
  }, []);
  return Command ? <Command {...props} /> : <p role="status">{t('console.loading')}</p>;
}

function SignIn({ onSignedIn }: { onSignedIn: (user: StaffUser, enrol: boolean) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [pending, setPending] = useState<StaffUser | null>(null);
  const [problem, setProblem] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem('');
    try {
      if (pending) {
        await secondFactor(code);
        return onSignedIn(pending, false);
      }
      const answer = await signIn(email, password);
      if (answer.second_factor_pending) setPending(answer.user);
      else onSignedIn(answer.user, answer.second_factor_enrolment_required);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t('error.network'));
    }
  };
  return (
    <section>
      <h1>{t('console.signIn')}</h1>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      <form onSubmit={submit}>
        {pending ? (
          <div class="field">
            <label for="totp">{t('console.totp')}</label>
            <input id="totp" inputMode="numeric" autoComplete="one-time-code" value={code} onInput={(e) => setCode(e.currentTarget.value)} />
          </div>
        ) : (
          <>
            <div class="field">
              <label for="email">{t('console.email')}</label>
              <input id="email" type="email" autoComplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="password">{t('console.password')}</label>
              <input id="password" type="password" autoComplete="current-password" value={password}
                onInput={(e) => setPassword(e.currentTarget.value)} />
            </div>
          </>
        )}
        <button type="submit" class="button primary">
          {t('console.signIn.submit')}
        </button>
      </form>
    </section>
  );
}

export default function Console({ path }: { path: string }) {
  const [user, setUser] = useState<StaffUser | null | undefined>(undefined);
  const [enrol, setEnrol] = useState(false);
  useEffect(() => {
    void currentSession().then((answer) => {
      setUser(answer && !answer.second_factor_pending ? answer.user : null);
      setEnrol(answer?.second_factor_enrolment_required ?? false);
    });
  }, []);
  if (user === undefined) return <p role="status">{t('console.loading')}</p>;
  if (user === null) {
    return (
      <SignIn
        onSignedIn={(signedIn, mustEnrol) => {
          setUser(signedIn);
          setEnrol(mustEnrol);
        }}
      />
    );
  }
  if (enrol) return <EnrolTotp onDone={() => setEnrol(false)} />;
  const isAdmin = user.memberships.some((m) => m.role === 'admin');
  const handlesCases = user.memberships.some((m) => m.role !== 'admin');
  const match = path.match(/^\/petugas\/aduan\/(\d+)$/);
  return (
    <>
      <p class="who">
        {user.email} ·{' '}
        <button type="button" class="link" onClick={() => void signOut().then(() => setUser(null))}>
          {t('console.signOut')}
        </button>
      </p>
      <nav class="subnav" aria-label={t('console.nav')}>
        {handlesCases && (
          <a href="/petugas" aria-current={path === '/petugas' ? 'page' : undefined}>
            {t('console.inbox')}
          </a>
        )}
        <a href="/petugas/command" aria-current={path.startsWith('/petugas/command') ? 'page' : undefined}>
          {t('command.title')}
        </a>
        {isAdmin && (
          <a href="/petugas/admin" aria-current={path.startsWith('/petugas/admin') ? 'page' : undefined}>
            {t('admin.title')}
          </a>
        )}
      </nav>
      {path.startsWith('/petugas/command') ? (
        <LazyCommand path={path} user={user} />
      ) : path.startsWith('/petugas/admin') || !handlesCases ? (
        <Admin path={path} />
      ) : match ? (
        <CasePage id={Number(match[1])} />
      ) : (
        <Inbox />
      )}
    </>
  );
}
