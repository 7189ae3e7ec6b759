// A small path router over the History API: the server answers every page path with index.html.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
  // The keyboard (and a screen reader) goes on from the new page's content, not from a link
  // that is gone; <main> takes the focus without showing a ring (styles.css).
  document.getElementById('main')?.focus({ preventScroll: true });
}

window.addEventListener('popstate', () => {
  for (const listener of listeners) listener();
});

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return path;
}

/// The query string ("?unit=…"), for pages whose state is in it (the inbox's filters, the
/// Command Center's unit); changes on navigate() and Back like the path.
export function useSearch(): string {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const update = () => setSearch(location.search);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return search;
}

/// Follows same-origin links without reloading the page.
export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.target as Element).closest('a');
  if (!anchor || anchor.target || anchor.origin !== location.origin || event.ctrlKey || event.metaKey) return;
  if (anchor.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}
