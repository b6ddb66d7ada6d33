/** `<av-series-list>` for React: `<AvSeriesList clientId={284} onAvSeriesClick={(e) => …} />` */
import { AvSeriesList as AvSeriesListElement } from '../../components/av-series-list/index.js';
import { wrap } from './wrap.js';

export const AvSeriesList = wrap('av-series-list', AvSeriesListElement, { 'av-series-click': true, 'av-error': true });
