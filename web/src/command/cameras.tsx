// Cameras with their latest image (GET /api/v1/cameras/{id}/snapshot; the server audits every
// view). `refreshMs`: the image is fetched again that often, but only while the page is shown
// and the picture is on screen — a wall left on a hidden tab costs the cameras nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { dateTime } from '../lib/format';
import { t } from '../lib/i18n';
import { staff } from '../console/session';
import type { Camera } from './types';

function useShown(element: { current: Element | null }): boolean {
  const [onScreen, setOnScreen] = useState(true);
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    let observer: IntersectionObserver | undefined;
    if (element.current && 'IntersectionObserver' in window) {
      observer = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)));
      observer.observe(element.current);
    }
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      observer?.disconnect();
    };
  }, []);
  return onScreen && visible;
}

export function CameraImage({ camera, refreshMs }: { camera: Camera; refreshMs?: number }) {
  const box = useRef<HTMLElement>(null);
  const shown = useShown(box);
  const [image, setImage] = useState<{ url: string; at: string | null } | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (!shown) return;
    let stopped = false;
    let current: string | null = null;
    const load = async () => {
      try {
        const response = await fetch(`/api/v1/cameras/${camera.id}/snapshot`, { credentials: 'same-origin', cache: 'no-store' });
        if (!response.ok) throw new Error(String(response.status));
        const blob = await response.blob();
        if (stopped) return;
        const url = URL.createObjectURL(blob);
        if (current) URL.revokeObjectURL(current);
        current = url;
        setImage({ url, at: response.headers.get('X-Captured-At') });
        setMissing(false);
      } catch {
        if (!stopped) setMissing(true);
      }
    };
    void load();
    const timer = refreshMs ? setInterval(() => void load(), refreshMs) : undefined;
    return () => {
      stopped = true;
      clearInterval(timer);
      if (current) URL.revokeObjectURL(current);
    };
  }, [camera.id, shown, refreshMs]);
  const down = camera.status === 'down';
  return (
    <figure class={`camera-card ${camera.status}`} ref={box} data-testid="camera">
      {image && !missing ? (
        <img src={image.url} alt={t('command.camera.image', { name: camera.name })} />
      ) : (
        <div class="no-image">{t('command.camera.noImage')}</div>
      )}
      <figcaption>
        <strong>{camera.name}</strong>{' '}
        <span class={down ? 'state bad' : 'state'}>
          <span aria-hidden="true">{down ? '✕ ' : camera.status === 'up' ? '✓ ' : '? '}</span>
          {t(`command.camera.${camera.status}`)}
        </span>
        <span class="meta">
          {camera.location}
          {image?.at ? ` · ${dateTime(image.at)}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}

/// The cameras of `unit` and below; null while loading, [] when none (or none may be seen).
export function useCameras(unit: string, refreshMs = 30_000): Camera[] | null {
  const [cameras, setCameras] = useState<Camera[] | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      staff<{ items: Camera[] }>(`/api/v1/cameras?${new URLSearchParams({ unit })}`).then(
        (answer) => !stopped && setCameras(answer.items),
        () => !stopped && setCameras([]),
      );
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [unit]);
  return cameras;
}
