/**
 * Where one service's requests end: of its requests that did not fail, how many called each
 * service last ('' when they called none), in each window.
 */
export type RequestEnds = {
  readonly service: string;
  readonly baseline: ReadonlyMap<string, number>;
  readonly incident: ReadonlyMap<string, number>;
};
