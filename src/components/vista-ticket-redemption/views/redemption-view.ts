/**
 * What the redemption element's views read: its controllers. The views are functions from this
 * to templates; the element passes itself.
 */
import type { CardRedemption } from '../controllers/card-redemption.js';
import type { MemberCardsController } from '../controllers/member-cards.js';
import type { RedemptionContext } from '../controllers/redemption-host.js';

export interface RedemptionView {
  readonly shadowRoot: ShadowRoot | null;
  readonly ctx: RedemptionContext;
  readonly loads: MemberCardsController;
  readonly redemption: CardRedemption;
}
