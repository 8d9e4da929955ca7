import { caseVariants } from './case-variants.ts';

/** Units written after a number (`12 ms`, `4.5 KB`): part of the value. */
export const unitWords: ReadonlySet<string> = caseVariants([
  'b',
  'kb',
  'mb',
  'gb',
  'tb',
  'kib',
  'mib',
  'gib',
  'bytes',
  'ns',
  'us',
  'ms',
  's',
  'sec',
  'secs',
]);
