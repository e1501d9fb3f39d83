/** @jsxImportSource hono/jsx */
// Parts the pages share: a table that stacks into labelled rows on a narrow screen (so a value never loses what its
// column means), the GOV.UK error summary and field message, and how a missing value is shown.
import type { Problem } from '../domain/errors.js';
import { safeHref } from '../domain/urls.js';

/**
 * A link to a URL from data: only an http(s) URL becomes a link; anything else (javascript:, data:, a file name) is
 * shown as text, with the address after the words when they differ, so a saved copy of the page can never run it.
 */
export function SourceLink(props: { url: string | null | undefined; text?: string | null; class?: string }) {
  const href = safeHref(props.url);
  const text = props.text || props.url || '';
  if (href) return <a class={props.class} href={href} rel="noopener noreferrer">{text}</a>;
  return <span class={props.class}>{text}{props.url && props.url !== text ? ` (${props.url})` : ''}</span>;
}

export interface Column {
  label: string;
  num?: boolean;
  /** Long text (a sentence, a source): a whole line of its own when the table stacks. */
  wide?: boolean;
}

export interface Row {
  id?: string;
  class?: string;
  /** The first cell is the row's heading. */
  cells: unknown[];
}

/**
 * A table that reads as a table on a wide screen and as one labelled block per row below 40rem (site.css): each
 * cell carries its column's label. The roles keep the table's meaning when CSS changes how it is displayed.
 */
export function StackTable(props: { id?: string; class?: string; caption: unknown; columns: Column[]; rows: Row[] }) {
  const cols = props.columns;
  return (
    <table id={props.id} class={`stack${props.class ? ` ${props.class}` : ''}`} role="table">
      <caption>{props.caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {cols.map((c) => (
            <th scope="col" role="columnheader" class={c.num ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {props.rows.map((r) => (
          <tr role="row" id={r.id} class={r.class}>
            {r.cells.map((cell, i) =>
              i === 0 ? (
                <th scope="row" role="rowheader">
                  {cell}
                </th>
              ) : (
                <td role="cell" class={[cols[i]?.num ? 'num' : '', cols[i]?.wide ? 'wide' : ''].filter(Boolean).join(' ') || undefined} data-label={cols[i]?.label}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const Missing = (props: { children: unknown }) => <span class="muted">{props.children}</span>;

/** The id of the control a problem's field names on a page, if it has one. */
export type FieldIds = Record<string, string>;

/** GOV.UK's error summary: "There is a problem", each problem linked to its field. */
export function ErrorSummary(props: { problems: Problem[]; ids: FieldIds }) {
  if (!props.problems.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {props.problems.map((p) => (
          <li>{props.ids[p.field] ? <a href={`#${props.ids[p.field]}`}>{p.message}</a> : p.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The message beside a field in error (GOV.UK): its id is what the field's aria-describedby names. */
export function FieldError(props: { id: string; problems: Problem[]; field: string }) {
  const p = props.problems.find((x) => x.field === props.field);
  if (!p) return null;
  return (
    <p id={`${props.id}-error`} class="error-message">
      <span class="visually-hidden">Error: </span>
      {p.message}
    </p>
  );
}
