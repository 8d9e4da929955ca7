import type { Rng } from '../core/rng.ts';
import type { Failure } from '../model/failure-model.ts';
import type { Service } from '../model/topology-model.ts';
import { drawBug } from './bug-catalog.ts';

/** A code bug for a service, thrown from a class named after the failing operation when there is one. */
export function bugFor(rng: Rng, svc: Service, opKey: string | undefined): Failure {
  const bug = drawBug(rng, svc.lang, svc.codeBase);
  if (!opKey || rng.chance(0.5)) return bug;
  const words = opKey
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && !/^(GET|POST|PUT|PATCH|DELETE|api|v\d|consume)$/.test(w));
  const base = (words[words.length - 1] ?? 'Request').replace(/^./, (c) => c.toUpperCase());
  const method = bug.where?.split('.')[1] ?? 'handle';
  return { ...bug, where: `${base}Handler.${method}` };
}
