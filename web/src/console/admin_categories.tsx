// Admin: complaint categories. A form for a new category, which also changes an existing one
// (its code never changes once made), then the list. Keywords are typed separated by commas;
// the server trims and lower-cases them, and intake suggests by them from the next report on.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { type Unit, UnitSelect, useForm } from './admin_form';
import { Field, aria } from './field';
import { staff } from './session';

interface Category {
  id: number;
  code: string;
  name: string;
  name_en: string;
  description: string;
  default_unit_code: string;
  keywords: string[];
  field_work: boolean;
}

interface Draft {
  code: string;
  name: string;
  name_en: string;
  description: string;
  default_unit_code: string;
  keywords: string;
  field_work: boolean;
}

const EMPTY: Draft = { code: '', name: '', name_en: '', description: '', default_unit_code: '', keywords: '', field_work: false };

const draftOf = (category: Category): Draft => ({
  code: category.code,
  name: category.name,
  name_en: category.name_en,
  description: category.description,
  default_unit_code: category.default_unit_code,
  keywords: category.keywords.join(', '),
  field_work: category.field_work,
});

export function Categories({ units }: { units: Unit[] }) {
  const [categories, setCategories] = useState<Category[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<Category | null>(null);
  const form = useForm();
  const nameInput = useRef<HTMLInputElement>(null);
  const load = () => void staff<{ items: Category[] }>('/api/v1/categories').then((list) => setCategories(list.items), () => undefined);
  useEffect(load, []);
  useEffect(() => {
    if (editing) nameInput.current?.focus();
  }, [editing]);

  const change = (name: keyof Draft) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  const edit = (category: Category) => {
    form.reset();
    setEditing(category);
    setDraft(draftOf(category));
  };
  const stopEditing = () => {
    form.reset();
    setEditing(null);
    setDraft(EMPTY);
  };
  const save = (event: Event) => {
    event.preventDefault();
    const body = {
      ...(editing ? {} : { code: draft.code }),
      name: draft.name,
      name_en: draft.name_en,
      description: draft.description,
      default_unit_code: draft.default_unit_code,
      keywords: draft.keywords.split(','),
      field_work: draft.field_work,
    };
    void form.submit(
      () =>
        staff<Category>(editing ? `/api/v1/categories/${editing.id}` : '/api/v1/categories', {
          method: editing ? 'PUT' : 'POST',
          body: JSON.stringify(body),
        }),
      () => {
        load();
        if (!editing) setDraft(EMPTY);
      },
    );
  };

  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  const error = form.field;
  return (
    <>
      <h2>{t('admin.categories')}</h2>
      <form class="panel" onSubmit={save}>
        <h3>{editing ? t('admin.editCategory', { name: editing.name }) : t('admin.newCategory')}</h3>
        {form.banner}
        <Field id="category-code" label={t('admin.code')} hint={t('admin.code.hint')} error={error('code')}>
          <input id="category-code" value={draft.code} readOnly={!!editing} onInput={change('code')}
            {...aria('category-code', error('code'), true)} />
        </Field>
        <Field id="category-name" label={t('admin.nameId')} error={error('name')}>
          <input id="category-name" ref={nameInput} value={draft.name} onInput={change('name')}
            {...aria('category-name', error('name'))} />
        </Field>
        <Field id="category-name-en" label={t('admin.nameEn')} error={error('name_en')}>
          <input id="category-name-en" lang="en" value={draft.name_en} onInput={change('name_en')}
            {...aria('category-name-en', error('name_en'))} />
        </Field>
        <Field id="category-description" label={t('admin.categoryDescription')} error={error('description')}>
          <textarea id="category-description" rows={2} value={draft.description} onInput={change('description')}
            {...aria('category-description', error('description'))} />
        </Field>
        <Field id="category-unit" label={t('admin.defaultUnit')} error={error('default_unit_code')}>
          <UnitSelect id="category-unit" units={units} value={draft.default_unit_code} invalid={!!error('default_unit_code')}
            onChange={(default_unit_code) => setDraft({ ...draft, default_unit_code })} />
        </Field>
        <Field id="category-keywords" label={t('admin.keywords')} hint={t('admin.keywords.hint')} error={error('keywords*')}>
          <textarea id="category-keywords" rows={2} value={draft.keywords} onInput={change('keywords')}
            {...aria('category-keywords', error('keywords*'), true)} />
        </Field>
        <div class="check">
          <input id="category-field-work" type="checkbox" checked={draft.field_work}
            onChange={(e) => setDraft({ ...draft, field_work: e.currentTarget.checked })} />
          <label for="category-field-work">{t('admin.fieldWork')}</label>
        </div>
        <p class="actions">
          <button type="submit" class="button primary">
            {editing ? t('admin.save') : t('admin.create')}
          </button>
          {editing && (
            <button type="button" class="button" onClick={stopEditing}>
              {t('admin.cancel')}
            </button>
          )}
        </p>
      </form>
      <ul class="cases">
        {categories.map((category) => (
          <li key={category.code}>
            <strong>{category.name}</strong> · <span lang="en">{category.name_en}</span> · <code>{category.code}</code>
            <span class="meta">
              {unitNames.get(category.default_unit_code) ?? category.default_unit_code} ·{' '}
              {t('admin.keywordCount', { count: category.keywords.length })}
              {category.field_work && <> · {t('admin.fieldWorkShort')}</>}
            </span>
            <button type="button" class="link" aria-label={t('admin.editNamed', { name: category.name })}
              onClick={() => edit(category)}>
              {t('admin.edit')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
