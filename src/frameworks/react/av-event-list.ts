/** `<av-event-list>` for React: `<AvEventList clientId={284} limit={10} onAvPerformanceClick={(e) => …} />` */
import { AvEventList as AvEventListElement } from '../../components/av-event-list/index.js';
import { wrap } from './wrap.js';

export const AvEventList = wrap('av-event-list', AvEventListElement, { 'av-performance-click': true, 'av-error': true });
