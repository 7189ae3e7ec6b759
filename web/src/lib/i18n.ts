// The message catalogs and the language switch. The language is kept on the device; Bahasa
// Indonesia unless the person chose English. Components re-render through useLanguage().
import { useEffect, useState } from 'preact/hooks';
import { en } from '../i18n/en';
import { id, type MessageKey } from '../i18n/id';

export type Language = 'id' | 'en';

const catalogs: Record<Language, Record<MessageKey, string>> = { id, en };
const listeners = new Set<(language: Language) => void>();
let current: Language = (typeof localStorage !== 'undefined' && localStorage.getItem('sigap.lang') === 'en') ? 'en' : 'id';

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem('sigap.lang', next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

/// The message for `key` in the current language, with {name} placeholders filled in.
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function useLanguage(): Language {
  const [value, setValue] = useState(current);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}
