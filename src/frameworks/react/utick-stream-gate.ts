/** `<utick-stream-gate>` for React: `<UtickStreamGate streamId="…" onUtickAccessGranted={(e) => …}>{player}</UtickStreamGate>` */
import { UtickStreamGate as UtickStreamGateElement } from '../../components/utick-stream-gate/index.js';
import { wrap } from './wrap.js';

export const UtickStreamGate = wrap('utick-stream-gate', UtickStreamGateElement, { 'utick-access-granted': true, 'utick-access-denied': true, 'utick-error': true });
