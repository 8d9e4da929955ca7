import { FOOD_DELIVERY } from './families/food-delivery.ts';
import { IOT_TELEMETRY } from './families/iot-telemetry.ts';
import { MEDIA_STREAMING } from './families/media-streaming.ts';
import { PAYMENTS_BANKING } from './families/payments-banking.ts';
import { RIDE_HAILING } from './families/ride-hailing.ts';
import { SAAS_API } from './families/saas-api.ts';
import { WEBSHOP } from './families/webshop.ts';
import type { FamilySpec } from './family-spec.ts';

/** The hand-made topology families by name; `random` (see random-family.ts) is the generator. */
export const FAMILY_CATALOG: Readonly<Record<string, FamilySpec>> = {
  webshop: WEBSHOP,
  'media-streaming': MEDIA_STREAMING,
  'payments-banking': PAYMENTS_BANKING,
  'ride-hailing': RIDE_HAILING,
  'saas-api': SAAS_API,
  'food-delivery': FOOD_DELIVERY,
  'iot-telemetry': IOT_TELEMETRY,
};
