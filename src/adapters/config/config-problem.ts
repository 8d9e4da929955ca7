/** One thing wrong with the configuration: which key, what value, where it came from, what to do. */
export type ConfigProblem = {
  readonly key: string;
  readonly value: string;
  readonly source: string;
  readonly message: string;
};
