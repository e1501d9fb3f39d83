/** @jsxImportSource hono/jsx */
// What the room sees: the join box (the code large, the link and its QR code) and the page for the big screen, with
// the live totals and approved comments only, and nothing to press.
import { raw } from 'hono/html';
import type { Workshop, WorkshopResults } from '../domain/workshop.js';
import { WorkshopLayout } from './workshop-layout-page.js';
import { LiveTotals } from './workshop-live-page.js';

/** The join code large, the join link and its QR code. */
export function JoinBox(props: { code: string; joinUrl: string; qr: string }) {
  return (
    <section class="join-box" aria-labelledby="join-heading">
      <div>
        <h2 id="join-heading" class="h3">
          Join code
        </h2>
        <p class="join-code" id="join-code">
          {props.code}
        </p>
        <p>
          Join at <a href={props.joinUrl}>{props.joinUrl}</a>
          <br />
          or go to <strong>/w</strong> on this site and type the code.
        </p>
      </div>
      {raw(props.qr)}
    </section>
  );
}

/** The page to put on the big screen: the join box and the live totals with approved comments; nothing to press. */
export function RoomPage(props: { w: Workshop; r: WorkshopResults; joinUrl: string; qr: string; live: { src: string; events?: string } }) {
  const { w, r } = props;
  return (
    <WorkshopLayout title={`In the room: ${w.title}`} live>
      <h1>{w.title}</h1>
      <JoinBox code={w.code} joinUrl={props.joinUrl} qr={props.qr} />
      <h2 id="totals">Scores so far</h2>
      <p id="live-status" class="muted live-status" role="status"></p>
      <div id="live" data-src={props.live.src} data-events={props.live.events} data-version={r.version}>
        <LiveTotals r={r} />
      </div>
      <p>
        <a href={`/w/${w.code}/facilitate/room`}>Refresh</a> · <a href={`/w/${w.code}/facilitate`}>Back to facilitating</a>
      </p>
    </WorkshopLayout>
  );
}

