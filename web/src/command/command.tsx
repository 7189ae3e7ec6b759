// The Command Center (issue #6): its own lazy chunk, loaded by the console for
// /petugas/command (the phone layout, responsive) and /petugas/command/wall (1920×1080). The
// unit shown is ?unit=code; without it, the person's own scope (a leader's: the whole city).
import type { StaffUser } from '../console/session';
import { useLanguage } from '../lib/i18n';
import { useSearch } from '../lib/router';
import { CommandPhone } from './phone';
import { CommandWall } from './wall';
import { viewerOf } from './viewer';
import './command.css';

export default function CommandCenter({ path, user }: { path: string; user: StaffUser }) {
  useLanguage();
  const search = useSearch();
  const unit = new URLSearchParams(search).get('unit') ?? '';
  const viewer = viewerOf(user);
  return path.startsWith('/petugas/command/wall') ? <CommandWall viewer={viewer} unit={unit} /> : <CommandPhone viewer={viewer} unit={unit} />;
}
