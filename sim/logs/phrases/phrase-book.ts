import { ACCESS_PHRASES } from './access-phrases.ts';
import { BACKGROUND_PHRASES } from './background-phrases.ts';
import { ERROR_PHRASES } from './error-phrases.ts';
import { LIFECYCLE_PHRASES } from './lifecycle-phrases.ts';
import type { Phrase } from './phrase.ts';

/** Every log event the simulator knows, by event name. */
export const PHRASE_BOOK: Readonly<Record<string, Phrase>> = {
  ...ACCESS_PHRASES,
  ...ERROR_PHRASES,
  ...LIFECYCLE_PHRASES,
  ...BACKGROUND_PHRASES,
};
