// A labelled form control with the server's message for it right below (issue #5: validation
// errors next to the field), and an optional hint. The control itself points at both with
// `aria` (below), so a screen reader reads them with it.
import type { ComponentChildren } from 'preact';

export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={`${props.id}-error`} class="error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

/// The attributes that tie a control to its hint and its error (spread onto the control).
export function aria(id: string, error?: string, hint = false) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined };
}
