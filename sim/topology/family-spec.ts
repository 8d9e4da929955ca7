import type { DepKind, Lang, Protocol, Role } from '../model/topology-model.ts';

/**
 * A hand-made (or randomly generated) system blueprint, before names, languages and
 * telemetry are drawn. Operations map an op key to its calls in the call mini-language
 * (see parse-call.ts); an element starting with `=` holds op metadata (`=w30 ms12 write`).
 */
export type FamilyServiceSpec = {
  /** Base names to draw from; the topology's naming style may add a suffix. */
  readonly names: readonly string[];
  /** Keep the drawn name as is (no naming-style suffix). */
  readonly fixed?: boolean;
  readonly role: Role;
  readonly langs?: readonly Lang[];
  readonly protocol?: Protocol;
  /** Probability that this service is left out of a generated topology. */
  readonly optional?: number;
  /** Share of user traffic (edge services only). */
  readonly share?: number;
  readonly ops?: Readonly<Record<string, readonly string[]>>;
  /** Topic → calls made while processing one message. */
  readonly consumes?: Readonly<Record<string, readonly string[]>>;
  /** A periodic job: runs every `everyMin` minutes. */
  readonly job?: { readonly name: string; readonly everyMin: number; readonly calls: readonly string[] };
  /** An ingress proxy (nginx/envoy): access logs only, thin spans. */
  readonly proxy?: boolean;
};

export type FamilyDepSpec = {
  readonly kind: DepKind;
  readonly system: string;
  /** Candidate peer.service names. */
  readonly peer: readonly string[];
  /** Candidate server.address values. */
  readonly hosts: readonly string[];
  readonly port?: number;
  readonly db?: string;
  /** Probability that callers name it only by server.address. */
  readonly addressOnly?: number;
};

export type FamilySpec = {
  readonly family: string;
  readonly titles: readonly string[];
  readonly orgs: readonly string[];
  readonly namespaces: readonly string[];
  readonly services: Readonly<Record<string, FamilyServiceSpec>>;
  readonly deps: Readonly<Record<string, FamilyDepSpec>>;
};
