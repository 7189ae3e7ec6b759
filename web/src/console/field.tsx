// A labelled form control with the server's message for it right below (issue #5: validation
// errors next to the field).
import type { ComponentChildren } from 'preact';

export function Field(props: { id: string; label: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.error && (
        <small id={`${props.id}-error`} class="error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}
