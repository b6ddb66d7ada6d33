/**
 * What the redemption element's views read: its controllers. The views are functions from this
 * to templates; the element passes itself.
 */
import type { html, nothing } from 'lit';
import type { localizedText } from '../../../api/vista/text.js';
import type { renderField, renderSummary } from '../../../shared/vista/form.js';
import type { CardRedemption } from '../controllers/card-redemption.js';
import type { MemberCardsController } from '../controllers/member-cards.js';
import type { RedemptionContext } from '../controllers/redemption-host.js';
import type { cssId, lowest, withinLimit } from '../redemption-rules.js';

export interface RedemptionView {
  readonly shadowRoot: ShadowRoot | null;
  readonly ctx: RedemptionContext;
  readonly loads: MemberCardsController;
  readonly redemption: CardRedemption;
  /** Pieces the lazily loaded partner form and cards in use share with the element (handed over, not imported: see partner-form.ts). */
  readonly parts: {
    html: typeof html;
    nothing: typeof nothing;
    renderField: typeof renderField;
    renderSummary: typeof renderSummary;
    localizedText: typeof localizedText;
    cssId: typeof cssId;
    lowest: typeof lowest;
    withinLimit: typeof withinLimit;
  };
}
