/**
 * A type test for `venue-widgets/react`: JSX knows the eight tags, their properties, attributes
 * and `on<event>` props, and refuses wrong ones. Checked by `npm run typecheck`; never rendered.
 */
import type {} from 'venue-widgets/react';

export const typed = (
  <>
    <ticket-scanner client-id="284" mode="offline" onticket-scan={(event) => event.detail.verdict} />
    <utick-stream-gate stream-id="A-STREAM" onutick-access-granted={(event) => event.detail.streamId} />
    <vista-member-login api-base="https://tenant.example" onvista-member-login={(event) => event.detail.member} />
  </>
);

// @ts-expect-error `view` is month, list or auto
export const wrongView = <av-calendar view="week" />;

// @ts-expect-error the scan event's detail has no `seat`
export const wrongDetail = <ticket-scanner onticket-scan={(event) => event.detail.seat} />;
