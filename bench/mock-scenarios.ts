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

/** Signs in as the door manager and asks for the 30,000-ticket gala's offline cache. */
async function bigTicketCache(origin: string): Promise<MockScenario[]> {
  const av = `${origin}/audienceview/public/scanning`;
  const username = 'door@harbourlights.example';
  const signIn = await fetch(`${av}/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'harbour-door-2027' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const found = await fetch(`${origin}/__mock/audienceview/performances?productionId=962615&when=scannable`);
  const { performances } = (await found.json()) as { performances: { performanceId: number }[] };
  const gala = performances[0]!.performanceId;
  return [
    {
      label: 'AudienceView validTickets, 30,000-ticket gala',
      url: `${av}/cache/validTickets?clientId=284&performanceId=${gala}`,
      headers: { authorization: `Basic ${Buffer.from(`${username}:${accessToken}`).toString('base64')}` },
      runs: 5,
    },
  ];
}
