// The category picker every form shares (report, transparency filter, verification, admin):
// the category names in the reader's language, after one first choice ("any", "keep", ...).
import { language } from './i18n';

export interface CategoryOption {
  code: string;
  name: string;
  name_en?: string;
}

export function CategorySelect(props: {
  id: string;
  categories: CategoryOption[];
  value: string;
  first: string;  // the text of the empty choice
  onChange: (code: string) => void;
}) {
  const english = language() === 'en';
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{props.first}</option>
      {props.categories.map((c) => (
        <option key={c.code} value={c.code}>
          {english && c.name_en ? c.name_en : c.name}
        </option>
      ))}
    </select>
  );
}
