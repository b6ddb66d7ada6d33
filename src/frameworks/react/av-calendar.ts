/** `<av-calendar>` for React: `<AvCalendar clientId={284} timeZone="America/New_York" onAvPerformanceClick={(e) => …} />` */
import { AvCalendar as AvCalendarElement } from '../../components/av-calendar/index.js';
import { wrap } from './wrap.js';

export const AvCalendar = wrap('av-calendar', AvCalendarElement, { 'av-performance-click': true, 'av-month-change': true, 'av-error': true });
