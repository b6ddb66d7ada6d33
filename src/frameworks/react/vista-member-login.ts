/** `<vista-member-login>` for React: `<VistaMemberLogin apiBase="…" onVistaMemberLogin={(e) => …} />` */
import { VistaMemberLogin as VistaMemberLoginElement } from '../../components/vista-member-login/index.js';
import { wrap } from './wrap.js';

export const VistaMemberLogin = wrap('vista-member-login', VistaMemberLoginElement, { 'vista-member-login': true, 'vista-member-logout': true, 'vista-member-error': true });
