/** @jsxImportSource hono/jsx */
// Pages that are not about one council: finding a council by name, the accessibility statement, and the HTML pages a
// browser gets for an address that does not exist (404) or a request that is wrong (400).
import type { Problem } from '../domain/errors.js';
import { ErrorSummary } from './page-parts.js';
import { Layout } from './workshop-form.js';

/** The search box that takes a council's name, GSS code or LA number (a GET form to /councils). */
export function CouncilSearch(props: { value?: string; problem?: string }) {
  return (
    <form class="search" method="get" action="/councils" role="search">
      <div class={props.problem ? 'field field-error' : 'field'}>
        <label for="q">
          Find a council<span class="hint" id="q-hint">Its name (Durham, Lancashire), GSS code (E10000017) or LA number (888)</span>
        </label>
        {props.problem ? (
          <p id="q-error" class="error-message">
            <span class="visually-hidden">Error: </span>
            {props.problem}
          </p>
        ) : null}
        <input type="text" id="q" name="q" value={props.value ?? ''} autocomplete="off" aria-describedby={props.problem ? 'q-hint q-error' : 'q-hint'} />
      </div>
      <button type="submit">Find</button>
    </form>
  );
}

/**
 * Find a council: with a problem (nothing typed, or no council matched), the box again with what was typed and
 * "did you mean" links to the near misses; without one, the box and every council.
 */
export function FindCouncilPage(props: { value?: string; message?: string; suggestions?: Array<{ code: string; name: string }>; councils?: Array<{ code: string; name: string }> }) {
  const problems: Problem[] = props.message ? [{ field: 'q', message: props.message }] : [];
  const suggestions = props.suggestions ?? [];
  return (
    <Layout title={`${props.message ? 'Error: ' : ''}Find a council: short breaks benchmark`}>
      <ErrorSummary problems={problems} ids={{ q: 'q' }} />
      <h1>Find a council</h1>
      {suggestions.length ? (
        <>
          <p>Did you mean:</p>
          <ul id="did-you-mean">
            {suggestions.map((s) => (
              <li>
                <a href={`/councils/${s.code}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <CouncilSearch value={props.value} problem={props.message} />
      {props.councils?.length ? (
        <ul class="columns" id="all-councils">
          {props.councils.map((c) => (
            <li>
              <a href={`/councils/${c.code}`}>{c.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>
          Or pick from <a href="/councils">the list of councils</a>.
        </p>
      )}
    </Layout>
  );
}

export function NotFoundPage(props: { path: string }) {
  return (
    <Layout title="Page not found: short breaks benchmark">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{props.path}</code>. If you typed the address, check it is correct.
      </p>
      <p>
        Start from <a href="/">the home page</a>, find a council below, or see <a href="/coverage">what we know about each council</a>.
      </p>
      <CouncilSearch />
    </Layout>
  );
}

/** A request a page cannot answer (a parameter it does not know, a value of the wrong form): what was wrong, and a way on. */
export function ProblemPage(props: { title: string; problems: Problem[]; status: number }) {
  return (
    <Layout title={`Error: ${props.title}: short breaks benchmark`}>
      <ErrorSummary problems={props.problems} ids={{}} />
      <h1>{props.title}</h1>
      <p>
        {props.status === 404 ? 'What the address names does not exist.' : 'The address asks for something this page cannot show.'} Start from{' '}
        <a href="/">the home page</a> or find a council:
      </p>
      <CouncilSearch />
    </Layout>
  );
}

export function AccessibilityPage() {
  return (
    <Layout title="Accessibility statement: short breaks benchmark">
      <h1>Accessibility statement</h1>
      <p class="lede">
        This statement covers the short breaks benchmark's web pages: the home page, the council pages, the comparison, the
        coverage page, the workshop packs' web preview, and the live workshop pages (joining, scoring with its easy-read way
        through, the facilitator's pages and the "you said, we did" documents).
      </p>
      <h2>How you should be able to use it</h2>
      <ul>
        <li>zoom up to 400% and read every page at 320 CSS pixels wide without scrolling sideways: wide tables become one labelled block per row;</li>
        <li>use every page with a keyboard only, with a visible focus, and skip straight to the main content;</li>
        <li>use every page without JavaScript: forms submit to the server, and the chart of scores is a picture with a text alternative and a table beside it;</li>
        <li>use a screen reader: tables have captions and headers, errors are listed under "There is a problem" with links to the fields;</li>
        <li>print any page: the forms are left out of print;</li>
        <li>in a workshop, score on a phone without an account: every choice is a large labelled button, the scale is in words as well as numbers, and the easy-read way through shows one idea at a time with a picture and faces.</li>
      </ul>
      <h2>How accessible it is</h2>
      <p>
        We test every page in Chromium with axe-core against WCAG 2.2 levels A and AA, on screen and in print, at 1280 and at 375 CSS
        pixels wide, and we check that no page scrolls sideways. Automated tests find only part of the problems people meet.
      </p>
      <h2>What we know is not yet accessible</h2>
      <ul>
        <li>Source documents we link to (council pages, Ofsted reports as PDF) are not ours and may not be accessible.</li>
        <li>The chart's text becomes small on a narrow screen; the table beside it holds the same figures.</li>
        <li>The workshop packs' PDF and the "you said, we did" PDF are printed from their web pages; their tagging has not been checked with a screen reader.</li>
        <li>The facilitator's live totals update every few seconds; a screen reader hears a one-line summary when they change (people joined, scores so far, the highest average), at most every 10 seconds, not the table itself; the refresh link reads the table afresh.</li>
      </ul>
      <h2>Feedback</h2>
      <p>
        If you find a problem, or need what a page shows in another format, tell the team that runs this service (open an issue on
        the project's repository). We aim to reply within 5 working days.
      </p>
      <h2>Enforcement</h2>
      <p>
        Public bodies in the UK must meet the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
        Regulations 2018. If you are not happy with how we respond, contact the Equality Advisory and Support Service (EASS).
      </p>
      <p class="muted">This statement was prepared in December 2026 from the automated tests above.</p>
    </Layout>
  );
}
