// The unit tree (GET /api/v1/units, public), fetched once per page: names for codes that come
// with alerts and events, and parents for the way back up when drilling down.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';

export interface UnitInfo {
  code: string;
  name: string;
  type: string;
  parent_code: string | null;
}

let cached: Promise<Map<string, UnitInfo>> | null = null;

function loadUnits(): Promise<Map<string, UnitInfo>> {
  cached ??= api<{ items: UnitInfo[] }>('/api/v1/units')
    .then((answer) => new Map(answer.items.map((unit) => [unit.code, unit])))
    .catch(() => {
      cached = null;
      return new Map<string, UnitInfo>();
    });
  return cached;
}

export function useUnits(): Map<string, UnitInfo> {
  const [units, setUnits] = useState<Map<string, UnitInfo>>(new Map());
  useEffect(() => {
    void loadUnits().then(setUnits);
  }, []);
  return units;
}

/// The chain from `top` down to `code` (both included); just [code] when `code` is not under `top`.
export function chain(units: Map<string, UnitInfo>, top: string, code: string): string[] {
  const path: string[] = [];
  for (let at: string | null = code; at; at = units.get(at)?.parent_code ?? null) {
    path.unshift(at);
    if (at === top) return path;
    if (path.length > 10) break;
  }
  return [code];
}
