import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

// `?api=` points the example at another AudienceView base (the tests' mock world).
const apiBase = new URLSearchParams(location.search).get('api') ?? '/mock/audienceview';
createRoot(document.getElementById('root')!).render(<App apiBase={apiBase} />);
