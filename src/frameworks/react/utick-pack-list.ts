/** `<utick-pack-list>` for React: `<UtickPackList limit={4} onUtickError={(e) => …} />` */
import { UtickPackList as UtickPackListElement } from '../../components/utick-pack-list/index.js';
import { wrap } from './wrap.js';

export const UtickPackList = wrap('utick-pack-list', UtickPackListElement, { 'utick-error': true });
