const WORDS = [
  'error',
  'err',
  'eror',
  'e',
  'severe',
  'dpanic',
  'fatal',
  'ftl',
  'f',
  'critical',
  'crit',
  'alert',
  'emerg',
  'emergency',
  'panic',
];

/**
 * The spellings of error and fatal levels a keyword field may hold (lower, UPPER, Capitalized of
 * every alias the file reader accepts), for filtering error lines inside Elasticsearch.
 */
export const ERROR_LEVEL_VALUES: readonly string[] = WORDS.flatMap((w) => [
  w,
  w.toUpperCase(),
  w[0]?.toUpperCase() + w.slice(1),
]);
