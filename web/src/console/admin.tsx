// Admin: staff accounts and their roles, API keys, units (admin_units.tsx), categories
// (admin_categories.tsx), routing rules, SLA policies and the working calendar. Every form sends
// what the person typed and shows the server's validation message next to the field it names;
// every change is audited by the server.
import { useEffect, useState } from 'preact/hooks';
import { CategorySelect } from '../lib/category_select';
import { t } from '../lib/i18n';
import { type Unit, UnitSelect, useForm } from './admin_form';
import { Categories } from './admin_categories';
import { Units } from './admin_units';
import { Field } from './field';
import { staff } from './session';

type Section = 'users' | 'keys' | 'units' | 'categories' | 'routing' | 'sla' | 'calendar';
const SECTIONS: Section[] = ['users', 'keys', 'units', 'categories', 'routing', 'sla', 'calendar'];
const ROLES = ['officer', 'supervisor', 'admin', 'leader', 'integrator'] as const;

function Users({ units }: { units: Unit[] }) {
  const [users, setUsers] = useState<{ id: number; email: string; display_name: string; disabled: boolean; memberships: { unit_code: string; role: string }[] }[]>([]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<string>('officer');
  const [unit, setUnit] = useState('');
  const form = useForm();
  const load = () => void staff<{ items: typeof users }>('/api/v1/users').then((list) => setUsers(list.items), () => undefined);
  useEffect(load, []);
  const create = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () =>
        staff('/api/v1/users', {
          method: 'POST',
          body: JSON.stringify({ email, display_name: name, password, memberships: unit ? [{ unit_code: unit, role }] : [] }),
        }),
      () => {
        setEmail('');
        setName('');
        setPassword('');
        load();
      },
    );
  };
  const toggle = (id: number, disabled: boolean) =>
    void form.submit(() => staff(`/api/v1/users/${id}/${disabled ? 'enable' : 'disable'}`, { method: 'POST' }), load);
  return (
    <>
      <h2>{t('admin.users')}</h2>
      <ul class="cases">
        {users.map((u) => (
          <li key={u.id}>
            <strong>{u.display_name}</strong> · {u.email}
            <span class="meta">
              {u.memberships.map((m) => `${t(`role.${m.role}` as never)} @ ${m.unit_code}`).join(', ') || '—'}
              {u.disabled && <> · {t('admin.disabled')}</>}
            </span>
            <button type="button" class="link" onClick={() => toggle(u.id, u.disabled)}>
              {u.disabled ? t('admin.enable') : t('admin.disable')}
            </button>
          </li>
        ))}
      </ul>
      <form class="panel" onSubmit={create}>
        <h3>{t('admin.newUser')}</h3>
        {form.banner}
        <Field id="user-email" label={t('console.email')} error={form.field('email')}>
          <input id="user-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Field id="user-name" label={t('report.name')} error={form.field('display_name')}>
          <input id="user-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field id="user-password" label={t('console.password')} error={form.field('password')}>
          <input id="user-password" type="password" autoComplete="new-password" value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        <Field id="user-role" label={t('admin.role')} error={form.field('memberships[0].role', 'memberships')}>
          <select id="user-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="user-unit" label={t('console.unit')} error={form.field('memberships[0].unit_code')}>
          <UnitSelect id="user-unit" units={units} value={unit} onChange={setUnit} />
        </Field>
        <button type="submit" class="button primary">
          {t('admin.create')}
        </button>
      </form>
    </>
  );
}

function ApiKeys({ units }: { units: Unit[] }) {
  const [keys, setKeys] = useState<{ id: number; name: string; unit_code: string; prefix: string; revoked_at?: string | null }[]>([]);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [secret, setSecret] = useState('');
  const form = useForm();
  const load = () => void staff<{ items: typeof keys }>('/api/v1/api-keys').then((list) => setKeys(list.items), () => undefined);
  useEffect(load, []);
  const create = (event: Event) => {
    event.preventDefault();
    void form.submit(async () => {
      const answer = await staff<{ key: string }>('/api/v1/api-keys', {
        method: 'POST',
        body: JSON.stringify({ name, unit_code: unit, scopes: ['read_case'] }),
      });
      setSecret(answer.key);
      load();
    });
  };
  return (
    <>
      <h2>{t('admin.keys')}</h2>
      <ul class="cases">
        {keys.map((k) => (
          <li key={k.id}>
            <strong>{k.name}</strong> · {k.unit_code}
            {k.revoked_at ? (
              <span class="meta">{t('admin.revoked')}</span>
            ) : (
              <button type="button" class="link" onClick={() => void form.submit(() => staff(`/api/v1/api-keys/${k.id}`, { method: 'DELETE' }), load)}>
                {t('admin.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form class="panel" onSubmit={create}>
        <h3>{t('admin.newKey')}</h3>
        {form.banner}
        {secret && (
          <p class="notice">
            {t('admin.keyOnce')} <code>{secret}</code>
          </p>
        )}
        <Field id="key-name" label={t('admin.keyName')} error={form.field('name')}>
          <input id="key-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field id="key-unit" label={t('console.unit')} error={form.field('unit_code')}>
          <UnitSelect id="key-unit" units={units} value={unit} onChange={setUnit} />
        </Field>
        <button type="submit" class="button primary">
          {t('admin.create')}
        </button>
      </form>
    </>
  );
}

type Target = { unit: 'calendar_hours' | 'working_days'; amount: number };
const STAGES = ['verify', 'first_response', 'resolve'] as const;

function SlaPolicies({ units }: { units: Unit[] }) {
  const [list, setList] = useState<{ default: Record<string, Target>; items: (Record<string, Target> & { category_code: string; unit_code: string })[] } | null>(null);
  const [categories, setCategories] = useState<{ code: string; name: string }[]>([]);
  const [category, setCategory] = useState('');
  const [unit, setUnit] = useState('');
  const [targets, setTargets] = useState<Record<string, Target>>({
    verify: { unit: 'working_days', amount: 3 },
    first_response: { unit: 'working_days', amount: 5 },
    resolve: { unit: 'calendar_hours', amount: 1440 },
  });
  const form = useForm();
  const load = () => void staff<NonNullable<typeof list>>('/api/v1/sla-policies').then(setList, () => undefined);
  useEffect(() => {
    load();
    void staff<{ items: { code: string; name: string }[] }>('/api/v1/categories').then((l) => setCategories(l.items), () => undefined);
  }, []);
  const save = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => staff('/api/v1/sla-policies', { method: 'PUT', body: JSON.stringify({ category_code: category, unit_code: unit, ...targets }) }),
      load,
    );
  };
  const describe = (target: Target) => `${target.amount} ${t(`sla.${target.unit}`)}`;
  return (
    <>
      <h2>{t('admin.sla')}</h2>
      {list && (
        <ul class="cases">
          <li>
            <strong>{t('admin.default')}</strong>
            <span class="meta">{STAGES.map((stage) => `${t(`sla.${stage}`)}: ${describe(list.default[stage])}`).join(' · ')}</span>
          </li>
          {list.items.map((row) => (
            <li key={`${row.category_code}/${row.unit_code}`}>
              <strong>
                {row.category_code || t('admin.any')} / {row.unit_code || t('admin.any')}
              </strong>
              <span class="meta">{STAGES.map((stage) => `${t(`sla.${stage}`)}: ${describe(row[stage])}`).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
      <form class="panel" onSubmit={save}>
        <h3>{t('admin.setPolicy')}</h3>
        {form.banner}
        <Field id="sla-category" label={t('report.category')} error={form.field('category_code')}>
          <CategorySelect id="sla-category" categories={categories} value={category} first={t('admin.any')}
            onChange={setCategory} />
        </Field>
        <Field id="sla-unit" label={t('console.unit')} error={form.field('unit_code')}>
          <UnitSelect id="sla-unit" units={units} value={unit} onChange={setUnit} any />
        </Field>
        {STAGES.map((stage) => (
          <fieldset key={stage}>
            <legend>{t(`sla.${stage}`)}</legend>
            <Field id={`sla-${stage}-amount`} label={t('admin.amount')} error={form.field(`${stage}.amount`, stage)}>
              <input id={`sla-${stage}-amount`} type="number" inputMode="numeric" value={targets[stage].amount}
                onInput={(e) => setTargets({ ...targets, [stage]: { ...targets[stage], amount: Number(e.currentTarget.value) } })} />
            </Field>
            <Field id={`sla-${stage}-unit`} label={t('admin.counted')} error={form.field(`${stage}.unit`)}>
              <select id={`sla-${stage}-unit`} value={targets[stage].unit}
                onChange={(e) => setTargets({ ...targets, [stage]: { ...targets[stage], unit: e.currentTarget.value as Target['unit'] } })}>
                <option value="working_days">{t('sla.working_days')}</option>
                <option value="calendar_hours">{t('sla.calendar_hours')}</option>
              </select>
            </Field>
          </fieldset>
        ))}
        <button type="submit" class="button primary">
          {t('admin.save')}
        </button>
      </form>
    </>
  );
}

function Calendar() {
  const [days, setDays] = useState<{ covered_years: number[]; items: { date: string; kind: string; name: string }[] } | null>(null);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState('holiday');
  const [name, setName] = useState('');
  const form = useForm();
  const load = () => void staff<NonNullable<typeof days>>('/api/v1/calendar/days').then(setDays, () => undefined);
  useEffect(load, []);
  const add = (event: Event) => {
    event.preventDefault();
    void form.submit(() => staff('/api/v1/calendar/days', { method: 'POST', body: JSON.stringify({ date, kind, name }) }), load);
  };
  return (
    <>
      <h2>{t('admin.calendar')}</h2>
      {days && <p>{t('admin.covered', { years: days.covered_years.join(', ') })}</p>}
      <form class="panel" onSubmit={add}>
        <h3>{t('admin.addDay')}</h3>
        {form.banner}
        <Field id="day-date" label={t('admin.date')} error={form.field('date')}>
          <input id="day-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </Field>
        <Field id="day-kind" label={t('admin.kind')} error={form.field('kind')}>
          <select id="day-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {['holiday', 'collective_leave', 'working_day'].map((k) => (
              <option key={k} value={k}>
                {t(`day.${k}` as never)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="day-name" label={t('admin.dayName')} error={form.field('name')}>
          <input id="day-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="button primary">
          {t('admin.save')}
        </button>
      </form>
      {days && (
        <ul class="cases">
          {days.items.slice(-40).map((d) => (
            <li key={d.date}>
              <strong>{d.date}</strong> · {t(`day.${d.kind}` as never)} · {d.name}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RoutingRules({ units }: { units: Unit[] }) {
  const [rules, setRules] = useState<{ category_code: string; region_code: string; unit_code: string }[]>([]);
  const [categories, setCategories] = useState<{ code: string; name: string }[]>([]);
  const [category, setCategory] = useState('');
  const [region, setRegion] = useState('');
  const [unit, setUnit] = useState('');
  const form = useForm();
  const load = () => void staff<{ items: typeof rules }>('/api/v1/routing-rules').then((l) => setRules(l.items), () => undefined);
  useEffect(() => {
    load();
    void staff<{ items: { code: string; name: string }[] }>('/api/v1/categories').then((l) => setCategories(l.items), () => undefined);
  }, []);
  const save = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => staff('/api/v1/routing-rules', { method: 'PUT', body: JSON.stringify({ category_code: category, region_code: region, unit_code: unit }) }),
      load,
    );
  };
  const remove = (rule: { category_code: string; region_code: string }) =>
    void form.submit(() => staff('/api/v1/routing-rules', { method: 'DELETE', body: JSON.stringify(rule) }), load);
  return (
    <>
      <h2>{t('admin.routing')}</h2>
      <p>{t('admin.routing.lead')}</p>
      <ul class="cases">
        {rules.map((rule) => (
          <li key={`${rule.category_code}/${rule.region_code}`}>
            <strong>
              {rule.category_code || t('admin.any')} · {rule.region_code || t('admin.wholeCity')}
            </strong>{' '}
            → {rule.unit_code}{' '}
            <button type="button" class="link" onClick={() => remove(rule)}>
              {t('admin.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="panel" onSubmit={save}>
        <h3>{t('admin.setRule')}</h3>
        {form.banner}
        <Field id="rule-category" label={t('report.category')} error={form.field('category_code')}>
          <CategorySelect id="rule-category" categories={categories} value={category} first={t('admin.any')}
            onChange={setCategory} />
        </Field>
        <Field id="rule-region" label={t('admin.regionCode')} error={form.field('region_code')}>
          <input id="rule-region" value={region} placeholder="16.71.01" onInput={(e) => setRegion(e.currentTarget.value)} />
        </Field>
        <Field id="rule-unit" label={t('console.unit')} error={form.field('unit_code')}>
          <UnitSelect id="rule-unit" units={units} value={unit} onChange={setUnit} />
        </Field>
        <button type="submit" class="button primary">
          {t('admin.save')}
        </button>
      </form>
    </>
  );
}

export function Admin({ path }: { path: string }) {
  const section = (SECTIONS.find((s) => path === `/petugas/admin/${s}`) ?? 'users') as Section;
  const [units, setUnits] = useState<Unit[]>([]);
  const loadUnits = () => void staff<{ items: Unit[] }>('/api/v1/units').then((l) => setUnits(l.items), () => undefined);
  useEffect(loadUnits, []);
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      <nav class="tabs" aria-label={t('admin.title')}>
        {SECTIONS.map((s) => (
          <a key={s} href={`/petugas/admin/${s}`} class={s === section ? 'tab active' : 'tab'} aria-current={s === section ? 'page' : undefined}>
            {t(`admin.${s}`)}
          </a>
        ))}
      </nav>
      {section === 'users' && <Users units={units} />}
      {section === 'keys' && <ApiKeys units={units} />}
      {section === 'units' && <Units units={units} onChanged={loadUnits} />}
      {section === 'categories' && <Categories units={units} />}
      {section === 'routing' && <RoutingRules units={units} />}
      {section === 'sla' && <SlaPolicies units={units} />}
      {section === 'calendar' && <Calendar />}
    </section>
  );
}
