/** @jsxImportSource hono/jsx */
// The frame of every workshop page (the site's stylesheet and the workshop's own, the facilitator's live script
// when asked) and the parts they share: the anchored 0-5 choices, a problem page, and what a role is called.
import type { Problem } from '../domain/errors.js';
import { ErrorSummary, type FieldIds } from './page-parts.js';

export function WorkshopLayout(props: { title: string; children: unknown; live?: boolean; problems?: Problem[] }) {
  const title = props.problems?.length ? `Error: ${props.title}` : props.title;
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title}: short breaks workshop`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="stylesheet" href="/static/workshop.css" />
        {props.live ? <script src="/static/workshop-live.js" defer></script> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to main content
        </a>
        <header>
          <p>Short breaks workshop</p>
        </header>
        <main id="main">{props.children}</main>
        <footer class="muted">
          <p>
            We do not ask for your name or anything else about you. Your scores are kept with a random key in a cookie on this device,
            only for this workshop. <a href="/accessibility">Accessibility statement</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** The GOV.UK error summary, for pages that have one. */
export const Problems = (props: { problems?: Problem[]; ids: FieldIds }) => (props.problems?.length ? <ErrorSummary problems={props.problems} ids={props.ids} /> : null);

/** A page that says plainly what went wrong (an unknown code, a closed workshop or option, too many requests). */
export function WorkshopProblemPage(props: { title: string; message: string; code?: string; back?: { href: string; text: string } }) {
  return (
    <WorkshopLayout title={props.title}>
      <h1>{props.title}</h1>
      <p class="notice">{props.message}</p>
      {props.back ? (
        <p>
          <a href={props.back.href}>{props.back.text}</a>
        </p>
      ) : null}
      <p>
        <a href="/w">Join another workshop with its code</a>
      </p>
    </WorkshopLayout>
  );
}
