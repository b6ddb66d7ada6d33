/**
 * What the demo's vendor console can run: real client calls against the mock backend mounted at
 * /mock, with the mock's published demo credentials (see the top of each mock/<vendor>.ts).
 */
import type { VendorName } from '../mock/core.js';
import { authenticate, fetchCalendarMonth, fetchEvents, fetchSeries, filterOptions, validateTicket } from '../src/api/audienceview/index.js';
import { controlStreamAccess, getStream, listPacks } from '../src/api/utick/index.js';
import { createVistaMembersClient, createVistaRedemptionClient } from '../src/api/vista/index.js';

export const MOCK_ROOT = new URL('/mock', location.href).href;
const AV = `${MOCK_ROOT}/audienceview`;
const VISTA = `${MOCK_ROOT}/vista`;
/** Utick through the real signing proxy, mounted by the demo server with the mock's keys (see vite.config.ts). */
const UTICK = `${MOCK_ROOT}/utick-proxy`;

const DOOR_MANAGER = { username: 'door@harbourlights.example', password: 'harbour-door-2027' };
const MEMBER = { username: 'emma.janssens@example.com', password: 'Popcorn-2027' };

export interface Scenario {
  vendor: VendorName;
  vendorLabel: string;
  title: string;
  /** What goes over the wire, in words. */
  call: string;
  run(signal: AbortSignal): Promise<unknown>;
}

async function mockControl<T>(path: string): Promise<T> {
  return (await (await fetch(`${MOCK_ROOT}/__mock${path}`)).json()) as T;
}

function thisMonth(): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number);
  return { year: year!, month: month! };
}

const vista = createVistaMembersClient({ apiBase: VISTA });
const redemption = createVistaRedemptionClient({ apiBase: VISTA });

export const scenarios: Scenario[] = [
  {
    vendor: 'audienceview',
    vendorLabel: 'AudienceView',
    title: "this month's calendar",
    call: 'GET /public/calendar/client(284)?month=…&year=…  (header clientId: 284)',
    run: (signal) => fetchCalendarMonth(AV, { clientId: 284, ...thisMonth() }, { signal }),
  },
  {
    vendor: 'audienceview',
    vendorLabel: 'AudienceView',
    title: 'the season (series)',
    call: 'GET /public/series/client(284)',
    run: (signal) => fetchSeries(AV, { clientId: 284 }, { signal }),
  },
  {
    vendor: 'audienceview',
    vendorLabel: 'AudienceView',
    title: 'upcoming events of one department',
    call: 'GET /public/events/client(284)/department(1219)',
    run: (signal) => fetchEvents(AV, { clientId: 284, departmentId: 1219 }, { signal }),
  },
  {
    vendor: 'audienceview',
    vendorLabel: 'AudienceView scanning',
    title: 'sign in and list what can be scanned',
    call: `POST /public/scanning/authenticate (${DOOR_MANAGER.username}), then GET /public/scanning/filterOptions`,
    run: async (signal) => filterOptions((await authenticate(AV, DOOR_MANAGER, { signal })).session, { signal }),
  },
  {
    vendor: 'audienceview',
    vendorLabel: 'AudienceView scanning',
    title: 'scan a valid ticket (scan it twice: duplicate)',
    call: 'POST /public/scanning/authenticate, then POST /public/scanning/validateTicket',
    run: async (signal) => {
      const { session } = await authenticate(AV, DOOR_MANAGER, { signal });
      const { performances } = await mockControl<{ performances: { performanceId: number }[] }>(
        '/audienceview/performances?productionId=962459&when=scannable',
      );
      const performanceId = performances[0]!.performanceId;
      const { tickets } = await mockControl<{ tickets: { barcode: string }[] }>(`/audienceview/tickets?performanceId=${performanceId}&state=valid&limit=1`);
      return validateTicket(session, { barcodeString: tickets[0]!.barcode, clientId: 284, performanceId }, { signal });
    },
  },
  {
    vendor: 'audienceview',
    vendorLabel: 'AudienceView scanning',
    title: 'sign in with an expired password',
    call: 'POST /public/scanning/authenticate (expired@harbourlights.example)',
    run: (signal) => authenticate(AV, { username: 'expired@harbourlights.example', password: 'harbour-expired-2027' }, { signal }),
  },
  {
    vendor: 'vista',
    vendorLabel: 'Vista OCAPI',
    title: 'member sign-in (token) and member details',
    call: `POST /ocapi/v1/members/authentication-token (${MEMBER.username}), then GET /ocapi/v1/members/current`,
    run: async (signal) => {
      const token = await vista.createAuthenticationToken({ grant_type: 'password', ...MEMBER }, { signal });
      return { token, member: await vista.getCurrentMember({ memberToken: token.access_token, signal }) };
    },
  },
  {
    vendor: 'vista',
    vendorLabel: 'Vista OCAPI',
    title: 'wrong password (five times locks the member out)',
    call: 'POST /ocapi/v1/members/authentication-token (liam.peeters@example.com, a wrong password)',
    run: (signal) => vista.createAuthenticationToken({ grant_type: 'password', username: 'liam.peeters@example.com', password: 'wrong' }, { signal }),
  },
  {
    vendor: 'vista',
    vendorLabel: 'Vista OCAPI',
    title: "the member's subscription cards",
    call: 'POST …/authentication-token, then GET /ocapi/v1/members/current/ticket-redemption-cards',
    run: async (signal) => {
      const token = await vista.createAuthenticationToken({ grant_type: 'password', ...MEMBER }, { signal });
      return redemption.getMemberTicketRedemptionCards({ memberToken: token.access_token, signal });
    },
  },
  {
    vendor: 'vista',
    vendorLabel: 'Vista OCAPI',
    title: "a site's third-party member schemes (bare-array quirk)",
    call: 'GET /ocapi/v1/sites/0002/third-party-member-schemes',
    run: (signal) => redemption.getThirdPartyMemberSchemes('0002', { signal }),
  },
  {
    vendor: 'utick',
    vendorLabel: 'Utick',
    title: 'first page of packs',
    call: 'GET /catalogue/packs?limit=20&offset=0 (signed by the demo proxy)',
    run: (signal) => listPacks(UTICK, { limit: 20, offset: 0 }, { signal }),
  },
  {
    vendor: 'utick',
    vendorLabel: 'Utick',
    title: 'a live stream, and an access code for it',
    call: 'GET /catalogue/streams/{id}/, then GET /catalogue/streams/{id}/control/?accesscode=…',
    run: async (signal) => {
      const { streams } = await mockControl<{ streams: { streamId: string; open: boolean; accessCodes: Record<string, number> }[] }>('/utick/codes');
      const live = streams.find((s) => s.open)!;
      const [code] = Object.keys(live.accessCodes);
      const stream = await getStream(UTICK, live.streamId, { signal });
      return { stream, controlCode: await controlStreamAccess(UTICK, live.streamId, { accessCode: code! }, { signal }) };
    },
  },
];
