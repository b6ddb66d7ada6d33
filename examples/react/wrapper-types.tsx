/**
 * A type test for the React components (`venue-widgets/react/<tag>`): typed properties and typed
 * event props, and wrong ones refused. Checked by `npm run typecheck`; never rendered.
 */
import { AvCalendar } from 'venue-widgets/react/av-calendar';
import { TicketScanner } from 'venue-widgets/react/ticket-scanner';
import { UtickStreamGate } from 'venue-widgets/react/utick-stream-gate';

export const typed = (
  <>
    <TicketScanner mode="offline" onTicketScan={(event) => event.detail.verdict} onTicketScannerSync={(event) => event.detail} />
    <UtickStreamGate streamId="A-STREAM" onUtickAccessGranted={(event) => event.detail.streamId} />
    <AvCalendar timeZone="America/New_York" onAvMonthChange={(event) => event.detail} />
  </>
);

// @ts-expect-error `view` is month, list or auto
export const wrongView = <AvCalendar view="week" />;

// @ts-expect-error the scan event's detail has no `seat`
export const wrongDetail = <TicketScanner onTicketScan={(event) => event.detail.seat} />;

// @ts-expect-error the scanner fires no `onAvError`
export const wrongEvent = <TicketScanner onAvError={() => undefined} />;
