import { render } from 'preact';
import { App } from './app';
import { language } from './lib/i18n';
import { startOutbox } from './lib/outbox';
import './styles.css';

document.documentElement.lang = language();
render(<App />, document.getElementById('app')!);
startOutbox();
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
