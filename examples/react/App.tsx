import { useState } from 'react';
import 'venue-widgets/av-event-list';
import type {} from 'venue-widgets/react';
import type { AvPerformanceClickEvent } from 'venue-widgets/av-event-list';

/**
 * React 19 passes `limit={10}` as a property (the element has one) and `client-id` as an
 * attribute; `onav-performance-click` listens for that event (its exact name after `on`).
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
      <av-event-list client-id="284" api-base={apiBase} limit={10} locale="en" onav-performance-click={choose} />
      <p id="chosen">{chosen ? `You chose ${chosen}` : 'Pick a performance'}</p>
    </main>
  );
}
