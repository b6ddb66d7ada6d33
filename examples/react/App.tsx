import { useState } from 'react';
import { AvEventList } from 'venue-widgets/react/av-event-list';
import type { AvPerformanceClickEvent } from 'venue-widgets/av-event-list';

/**
 * The React component from `venue-widgets/react/av-event-list` (made with @lit/react): `clientId`
 * and `limit` are typed properties, `onAvPerformanceClick` a typed event prop. (Plain JSX works too:
 * `<av-event-list client-id="284" onav-performance-click={…} />` with `import type {} from
 * 'venue-widgets/react'`; see jsx-types.tsx.)
 */
export function App({ apiBase }: { apiBase: string }) {
  const [chosen, setChosen] = useState<string>();
  const choose = (event: AvPerformanceClickEvent) => {
    event.preventDefault(); // the app shows its own booking step instead of leaving for the vendor
    setChosen(event.detail.performance.productionName);
  };
  return (
    <main>
      <h1>What's on</h1>
      <AvEventList clientId="284" apiBase={apiBase} limit={10} locale="en" onAvPerformanceClick={choose} />
      <p id="chosen">{chosen ? `You chose ${chosen}` : 'Pick a performance'}</p>
    </main>
  );
}
