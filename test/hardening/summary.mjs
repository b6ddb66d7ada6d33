// The hardening suite's summary: its test files add their counts through the `hardening-tally`
// server command (test/hardening/harness.ts), and the reporter prints one line at the end of the
// run, after the runner's own closing line. Nothing is printed when no hardening file ran.
const totals = {};

export function hardeningTallyPlugin() {
  return {
    name: 'hardening-tally',
    executeCommand({ command, payload }) {
      if (command !== 'hardening-tally') return undefined;
      for (const [key, value] of Object.entries(payload ?? {})) if (typeof value === 'number') totals[key] = (totals[key] ?? 0) + value;
      return true;
    },
  };
}

export function hardeningSummary() {
  return {
    stop() {
      process.once('exit', () => {
        if (!Object.keys(totals).length) return;
        const n = (key) => totals[key] ?? 0;
        process.stdout.write(
          `Hardening: ${n('payloads')} payloads × ${n('fields')} vendor fields × ${n('elements')} elements ` +
            `(${n('payloadFieldPairs')} payload-field pairs, ${n('placements')} placements), ` +
            `${n('attributeCases')} attribute cases, ${n('faultCases')} fault cases, ${n('scansKept')} scans kept; ` +
            `${n('executions')} executions / ${n('uncaught')} uncaught exceptions / ${n('foreignRequests')} foreign requests / ${n('scansLost')} lost scans\n`,
        );
      });
    },
  };
}
