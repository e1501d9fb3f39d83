/** @jsxImportSource hono/jsx */
// Run a workshop from a comparison: the council, group, weights and theme come from the compare page; the workshop
// lead gives a title and the server's write token. Where the server has no token (or is the Worker), the page says
// plainly that a workshop is made with `sbb workshop create` and gives the command.
import type { Problem } from '../domain/errors.js';
import { FieldError } from './page-parts.js';
import { Problems, WorkshopLayout } from './workshop-layout-page.js';

export interface CreateValues {
  council: string;
  council_name: string;
  group: string;
  theme: string;
  weights: string;
  title: string;
}

const shellArg = (s: string) => (/^[\w.,=:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function CreateWorkshopPage(props: { v: CreateValues; writes: boolean; problems?: Problem[] }) {
  const { v } = props;
  const problems = props.problems ?? [];
  const bad = (f: string) => problems.some((p) => p.field === f);
  const command = `sbb workshop create ${v.council} --group ${shellArg(v.group)} --theme ${shellArg(v.theme)} --title ${shellArg(v.title)}`;
  return (
    <WorkshopLayout title={`Run a workshop: ${v.council_name}`} problems={problems}>
      <Problems problems={problems} ids={{ title: 'title', token: 'token' }} />
      <h1>Run a workshop for {v.council_name}</h1>
      <p class="lede">
        The room scores the options of the pack's long list on its six factors, live, from their phones. You get a join code, a link and a QR
        code to show, and a facilitator key of your own.
      </p>
      <p>
        Compared with: {v.group}; theme: {v.theme}; weights: {v.weights || 'equal'}.
      </p>
      {props.writes ? (
        <form class="ws" method="post" action="/workshops/new">
          <input type="hidden" name="council" value={v.council} />
          <input type="hidden" name="group" value={v.group} />
          <input type="hidden" name="theme" value={v.theme} />
          <input type="hidden" name="weights" value={v.weights} />
          <div class={bad('title') ? 'field field-error' : 'field'}>
            <label for="title">
              Title<span class="hint">What the room and families will see, for example "Short breaks in the holidays: what should change".</span>
            </label>
            <FieldError id="title" field="title" problems={problems} />
            <input type="text" id="title" name="title" value={v.title} aria-describedby={bad('title') ? 'title-error' : undefined} />
          </div>
          <div class={bad('token') ? 'field field-error' : 'field'}>
            <label for="token">
              Write token<span class="hint">The server's SBB_WRITE_TOKEN: ask whoever runs this service.</span>
            </label>
            <FieldError id="token" field="token" problems={problems} />
            <input type="password" id="token" name="token" autocomplete="off" aria-describedby={bad('token') ? 'token-error' : undefined} />
          </div>
          <button type="submit">Create the workshop</button>
        </form>
      ) : (
        <div class="notice" id="no-writes">
          <p>This server cannot create workshops from the web: it has no write token (SBB_WRITE_TOKEN). Whoever runs it can create one with:</p>
          <p>
            <code>{command}</code>
          </p>
          <p>The command prints the join code and the facilitator key.</p>
        </div>
      )}
      <p>
        <a href={`/compare?council=${encodeURIComponent(v.council)}&group=${encodeURIComponent(v.group)}&theme=${encodeURIComponent(v.theme)}`}>Back to the comparison</a>
      </p>
    </WorkshopLayout>
  );
}
