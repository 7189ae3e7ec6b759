import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { Home } from './pages/home';
import { Report } from './pages/report';
import { Success } from './pages/success';
import { Track } from './pages/track';
import { Transparency } from './pages/transparency';
import { language, setLanguage, t, useLanguage } from './lib/i18n';
import { onLinkClick, usePath } from './lib/router';

// The officer console is its own chunk, fetched only when /petugas is opened.
function LazyConsole({ path }: { path: string }) {
  const [Console, setConsole] = useState<FunctionComponent<{ path: string }> | null>(null);
  useEffect(() => {
    void import('./console/console').then((module) => setConsole(() => module.default));
  }, []);
  return Console ? <Console path={path} /> : <p role="status">{t('console.loading')}</p>;
}

function Page({ path }: { path: string }) {
  if (path === '/' || path === '') return <Home />;
  if (path === '/petugas' || path.startsWith('/petugas/')) return <LazyConsole path={path} />;
  if (path === '/lapor') return <Report />;
  if (path === '/lapor/terkirim') return <Success />;
  if (path === '/lacak') return <Track code="" />;
  if (path === '/transparansi') return <Transparency />;
  if (path.startsWith('/lacak/')) return <Track code={decodeURIComponent(path.slice('/lacak/'.length))} />;
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
    </section>
  );
}

export function App() {
  useLanguage();
  const path = usePath();
  return (
    <div class="shell" onClick={onLinkClick}>
      <a class="skip" href="#main">
        {t('nav.home')}
      </a>
      <header class="bar">
        <a class="brand" href="/">
          <span aria-hidden="true" class="logo">
            S
          </span>
          <span>
            {t('app.name')}
            <small>{t('app.tagline')}</small>
          </span>
        </a>
        <nav aria-label={t('app.name')}>
          <a href="/lapor" aria-current={path === '/lapor' ? 'page' : undefined}>
            {t('nav.report')}
          </a>
          <a href="/lacak" aria-current={path.startsWith('/lacak') ? 'page' : undefined}>
            {t('nav.track')}
          </a>
          <a href="/transparansi" aria-current={path === '/transparansi' ? 'page' : undefined}>
            {t('nav.transparency')}
          </a>
          <button
            type="button"
            class="link"
            aria-label={t('nav.language.label')}
            onClick={() => setLanguage(language() === 'id' ? 'en' : 'id')}
          >
            {t('nav.language')}
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={path} />
      </main>
      <footer class="foot">
        <a href="/petugas">{t('nav.console')}</a>
      </footer>
    </div>
  );
}
