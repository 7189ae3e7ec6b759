// What the admin's forms share: the state of one form (the server's problem, a "saved" line)
// and the unit picker.
import { useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';

/// A unit as GET /api/v1/units gives it.
export interface Unit {
  id: number;
  code: string;
  type: string;
  name: string;
  parent_code: string | null;
  region_code: string | null;
  service_hours_text: string;
  office_location: { latitude: number; longitude: number } | null;
  time_zone: string;
}

/// One form's state: the problem the server answered, a message when it went through.
/// `field(...names)` is the server's message for the first of those fields it named; a name
/// ending in "*" takes that field and its items ("keywords*": "keywords", "keywords[2]").
export function useForm() {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const submit = async (work: () => Promise<unknown>, after: () => void = () => undefined) => {
    setProblem(null);
    setDone('');
    try {
      await work();
      setDone(t('console.saved'));
      after();
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, t('error.network')));
    }
  };
  const one = (name: string) => {
    if (!name.endsWith('*')) return problem?.field(name);
    const stem = name.slice(0, -1);
    return problem?.fields.find((f) => f.field === stem || f.field.startsWith(`${stem}[`) || f.field.startsWith(`${stem}.`))
      ?.message;
  };
  const field = (...names: string[]) => names.map(one).find(Boolean);
  const reset = () => {
    setProblem(null);
    setDone('');
  };
  const banner = (
    <>
      {problem && (
        <p class="alert" role="alert">
          {problem.message}
        </p>
      )}
      {done && <p role="status">{done}</p>}
    </>
  );
  return { submit, field, banner, reset };
}

export function UnitSelect(props: {
  id: string;
  units: Pick<Unit, 'code' | 'name'>[];
  value: string;
  onChange: (value: string) => void;
  any?: boolean;
  invalid?: boolean;
}) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}
      aria-invalid={props.invalid || undefined} aria-describedby={props.invalid ? `${props.id}-error` : undefined}>
      <option value="">{props.any ? t('admin.any') : t('report.choose')}</option>
      {props.units.map((u) => (
        <option key={u.code} value={u.code}>
          {u.name}
        </option>
      ))}
    </select>
  );
}
