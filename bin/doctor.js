#!/usr/bin/env node
// `npx venue-widgets doctor`: read-only probes a venue runs against its own AudienceView tenant
// before going live. Where the vendor's document is silent (docs/vendor-readings.md), it finds out
// which reading the tenant plays, and says what the elements will do. It only reads (GET and an
// OPTIONS preflight); it never signs in, buys or scans. Plain Node (>= 20), no build step.
import { parseArgs } from 'node:util';

const HELP = `Usage: npx venue-widgets doctor --client-id <id> [options]

Read-only checks of an AudienceView Professional tenant (public events API) before going live.

  --client-id <id>       the AudienceView client number (required)
  --api-base <url>       default https://api.ovationtix.com (or a proxy, or the mock: http://127.0.0.1:8787/audienceview)
  --time-zone <zone>     the venue's IANA zone, default America/New_York
  --origin <url>         the page's origin (https://www.venue.example): checks the CORS preflight AudienceView must allow
  --production-id <id>   probe one production only
  --timeout <ms>         per request, default 15000
  --json                 print the findings as JSON
  -h, --help             this text

Exit code: 0 when every probe found a reading the elements hold under; 1 when something blocks
going live (CORS refused, the vendor answered with errors, no reading fits); 2 for bad options.`;

const EASTERN = 'America/New_York';

/** Offset of a zone at an instant, in ms (Intl, no date library). */
function offsetAt(epoch, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(epoch)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** The instant a wall-clock time has in a zone ("MM/dd/yyyy", "HH:mm:ss"). */
function instantOf(mdy, hms, timeZone) {
  const d = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(mdy ?? '');
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(hms ?? '');
  if (!d || !t) return undefined;
  const wall = Date.UTC(+d[3], +d[1] - 1, +d[2], +t[1], +t[2], +(t[3] ?? 0));
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

function isoOf(mdy) {
  const d = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(mdy ?? '');
  return d ? `${d[3]}-${d[1]}-${d[2]}` : undefined;
}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'client-id': { type: 'string' },
      'api-base': { type: 'string', default: 'https://api.ovationtix.com' },
      'time-zone': { type: 'string', default: EASTERN },
      origin: { type: 'string' },
      'production-id': { type: 'string' },
      timeout: { type: 'string', default: '15000' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  return values;
}

export async function doctor(argv, out = console) {
  let o;
  try {
    o = parseOptions(argv);
  } catch (error) {
    out.error(`doctor: ${error.message}\n\n${HELP}`);
    return 2;
  }
  if (o.help) {
    out.log(HELP);
    return 0;
  }
  const problems = [];
  if (!/^\d{1,10}$/.test(o['client-id'] ?? '')) problems.push('--client-id must be your AudienceView client number');
  if (o['production-id'] && !/^\d{1,10}$/.test(o['production-id'])) problems.push('--production-id must be a number');
  try {
    new Intl.DateTimeFormat('en', { timeZone: o['time-zone'] });
  } catch {
    problems.push(`--time-zone must be an IANA zone such as America/New_York (got "${o['time-zone']}")`);
  }
  let apiBase;
  try {
    apiBase = new URL(o['api-base']).href.replace(/\/+$/, '');
  } catch {
    problems.push(`--api-base must be an http(s) address (got "${o['api-base']}")`);
  }
  if (o.origin) {
    try {
      o.origin = new URL(o.origin).origin;
    } catch {
      problems.push(`--origin must be the page's origin, such as https://www.venue.example (got "${o.origin}")`);
    }
  }
  if (problems.length) {
    out.error(`doctor: ${problems.join('; ')}\n\n${HELP}`);
    return 2;
  }

  const clientId = o['client-id'];
  const zone = o['time-zone'];
  const timeoutMs = Number(o.timeout) || 15000;
  const filter = o['production-id'] ? `/production(${o['production-id']})` : '';
  const findings = [];
  const note = (probe, reading, detail, ok = true) => findings.push({ probe, reading, detail, ok });

  async function get(kind, query = '', extraFilter = filter) {
    const url = `${apiBase}/public/${kind}/client(${clientId})${extraFilter}${query}`;
    const res = await fetch(url, { headers: { clientId, ...(o.origin ? { Origin: o.origin } : {}) }, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${url} answered ${res.status} with something that is not JSON (${text.slice(0, 80).replace(/\s+/g, ' ')}…)`);
    }
    const errors = [...(Array.isArray(body.errors) ? body.errors : []), ...(Array.isArray(body.serviceMessages?.errors) ? body.serviceMessages.errors : [])];
    return { res, body, errors: errors.map((e) => (typeof e === 'string' ? e : (e?.message ?? JSON.stringify(e)))) };
  }

  // 1. CORS: the elements send a `clientId` header, so the browser asks first (a preflight).
  if (o.origin) {
    try {
      const res = await fetch(`${apiBase}/public/events/client(${clientId})${filter}`, {
        method: 'OPTIONS',
        headers: { Origin: o.origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'clientid' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      const allowOrigin = res.headers.get('access-control-allow-origin');
      const allowHeaders = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      const allowed = res.ok && (allowOrigin === '*' || allowOrigin === o.origin) && (allowHeaders === '*' || allowHeaders.split(/\s*,\s*/).includes('clientid'));
      note(
        'CORS for the page origin',
        allowed ? 'allowed' : 'refused',
        allowed
          ? `${o.origin} may call the API with the clientId header`
          : `the preflight from ${o.origin} was refused (status ${res.status}, allow-origin ${allowOrigin ?? 'none'}, allow-headers "${allowHeaders}"): ask AudienceView to allow this site's address; until then the elements show a network error`,
        allowed,
      );
    } catch (error) {
      note('CORS for the page origin', 'refused', `no answer to the preflight (${error.message}): the elements would show a network error`, false);
    }
  }

  // 2. Events: client state, order, performanceStart.
  let events;
  try {
    events = await get('events');
  } catch (error) {
    note('events answer', 'unreachable', error.message, false);
  }
  if (events) {
    const { body, errors } = events;
    const inactive = body.clientActive === false;
    if (inactive) {
      note('clientActive', errors.length ? 'inactive (errors)' : 'inactive', 'AudienceView says this client is not active: the elements say politely that tickets are not sold online', false);
    } else if (errors.length) {
      note('events answer', 'errors', `AudienceView answered with errors: ${errors.join(' ')}`, false);
    } else {
      note('clientActive', 'active', `${body.clientName ?? 'the client'} is active`);
    }
    const performances = Array.isArray(body.performances) ? body.performances : [];
    if (!inactive && !errors.length) {
      const starts = performances.map((p) => p.performanceStart);
      const ordered = starts.every((s, i) => i === 0 || starts[i - 1] <= s);
      note('events order', performances.length < 2 ? 'unknown' : ordered ? 'start-order' : 'unordered', `${performances.length} future performances; the elements sort them either way`);

      let venue = 0;
      let eastern = 0;
      let neither = 0;
      for (const p of performances) {
        if (p.allDayEvent) continue;
        const asVenue = instantOf(p.performanceDate, p.performanceTime24, zone);
        const asEastern = instantOf(p.performanceDate, p.performanceTime24, EASTERN);
        if (asVenue === p.performanceStart) venue++;
        if (asEastern === p.performanceStart) eastern++;
        if (asVenue !== p.performanceStart && asEastern !== p.performanceStart) neither++;
      }
      const timed = venue + eastern + neither;
      const reading = timed === 0 ? 'unknown' : neither > timed / 10 ? 'neither' : venue > 0 && eastern > 0 && zone === EASTERN ? 'indistinguishable' : eastern > venue ? 'eastern-wall-clock' : 'instant';
      note(
        'performanceStart',
        reading,
        reading === 'indistinguishable'
          ? 'the venue is on US Eastern time, where both readings agree'
          : reading === 'neither'
            ? `performanceStart matches neither the wall clock in ${zone} nor in US Eastern for ${neither} performances: check --time-zone`
            : reading === 'unknown'
              ? 'no timed performance to compare'
              : `performanceStart is ${reading === 'instant' ? 'the true instant' : "the venue's wall clock read as US Eastern"}; the elements build every start from performanceDate + performanceTime24 in ${zone} either way`,
        reading !== 'neither',
      );
    }

    // 3. Productions marked D or U.
    if (!inactive && !errors.length) {
      try {
        const series = await get('series');
        const list = Array.isArray(series.body.seriesInformation) ? series.body.seriesInformation : [];
        const hidden = list.filter((s) => s.productionStatus !== 'T');
        const listed = new Set(list.map((s) => s.productionId));
        const unlisted = new Set(performances.map((p) => p.productionId).filter((id) => !listed.has(id)));
        const reading = hidden.length ? 'listed' : unlisted.size ? 'omitted' : 'none seen';
        note(
          'D/U productions',
          reading,
          reading === 'listed'
            ? `the season lists ${hidden.length} production(s) marked ${[...new Set(hidden.map((s) => s.productionStatus))].join('/')}: their performances are never shown`
            : reading === 'omitted'
              ? `${unlisted.size} production(s) have performances but are not in the season: their performances are not shown`
              : 'no production is marked D or U today (listed, left out or excluded: the elements show only what the season lists as T)',
        );

        // 4. The calendar's month numbering, from a month with a performance in its inner weeks.
        const probe = performances.find((p) => {
          const iso = isoOf(p.performanceDate);
          const day = iso ? Number(iso.slice(8)) : 0;
          return day >= 10 && day <= 20;
        });
        if (!probe) {
          note('calendar month numbering', 'unknown', 'no future performance between the 10th and the 20th of a month to ask about', true);
        } else {
          const iso = isoOf(probe.performanceDate);
          const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
          const holds = async (query) => {
            const answer = await get('calendar', query, `/production(${probe.productionId})`);
            if (answer.errors.length) return false;
            return (answer.body.performancesByDateDisplay?.[iso] ?? []).some((p) => p.performanceId === probe.performanceId);
          };
          const oneBased = await holds(`?month=${month}&year=${year}`);
          const zeroBased = await holds(`?month=${month - 1}&year=${year}`);
          const byTime = await holds(`?time=${instantOf(`${iso.slice(5, 7)}/01/${year}`, '00:00:00', zone)}`);
          const reading = oneBased !== zeroBased ? (oneBased ? 'one-based' : 'zero-based') : byTime ? 'time-only' : 'unknown';
          note(
            'calendar month numbering',
            reading,
            `asked ${year}-${String(month).padStart(2, '0')} for performance ${probe.performanceId}: month=${month} ${oneBased ? 'brought it' : 'did not'}, month=${month - 1} ${zeroBased ? 'brought it' : 'did not'}, time ${byTime ? 'brought it' : 'did not'}; the calendar sends both and checks the dates, so it holds under ${reading === 'unknown' ? 'the readings it knows, but this one fits none' : 'this reading'}`,
            reading !== 'unknown',
          );
        }
      } catch (error) {
        note('series answer', 'unreachable', error.message, false);
      }
    }
  }

  const ok = findings.every((f) => f.ok);
  if (o.json) {
    out.log(JSON.stringify({ apiBase, clientId, timeZone: zone, ok, findings }, null, 2));
  } else {
    out.log(`AudienceView tenant ${clientId} at ${apiBase} (venue zone ${zone})`);
    for (const f of findings) out.log(`  ${f.ok ? 'ok ' : 'NO '} ${f.probe.padEnd(26)} ${f.reading.padEnd(20)} ${f.detail}`);
    out.log(`doctor: ${findings.length} probes, ${findings.filter((f) => !f.ok).length} blocking; readings: ${findings.map((f) => `${f.probe}=${f.reading}`).join(', ')}`);
  }
  return ok ? 0 : 1;
}

// Run directly (`node bin/doctor.js …`) as well as through `venue-widgets doctor`.
if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href || process.argv[1]?.endsWith('doctor.js')) {
  process.exitCode = await doctor(process.argv.slice(2));
}
