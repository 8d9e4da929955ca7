import type { Failure } from '../model/failure-model.ts';
import type { Service } from '../model/topology-model.ts';

/** gRPC status codes used by the simulator. */
export const GRPC = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  DEADLINE_EXCEEDED: 4,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  INVALID_ARGUMENT: 3,
} as const;

/**
 * The HTTP status and gRPC code a service answers with when it fails with `failure`.
 * Services differ: some answer 500 for everything, gateways map to 502/503/504.
 */
export function statusForFailure(
  service: Service,
  failure: Failure,
  ownStatus?: number,
): { status: number; grpc: number } {
  const precise =
    service.role === 'edge' || service.lang === 'go' ? service.log.variant % 3 !== 0 : service.log.variant % 4 === 0;
  if (ownStatus !== undefined)
    return {
      status: ownStatus,
      grpc: ownStatus === 429 ? GRPC.RESOURCE_EXHAUSTED : ownStatus === 503 ? GRPC.UNAVAILABLE : GRPC.UNKNOWN,
    };
  switch (failure.cls) {
    case 'timeout':
    case 'connect-timeout':
      return { status: precise ? 504 : 500, grpc: GRPC.DEADLINE_EXCEEDED };
    case 'refused':
    case 'reset':
    case 'dns':
    case 'broker':
      return { status: precise ? 503 : 500, grpc: GRPC.UNAVAILABLE };
    case 'http':
    case 'grpc':
    case 'contract':
    case 'tls':
      return {
        status: precise ? 502 : 500,
        grpc: failure.grpcCode === GRPC.UNAVAILABLE ? GRPC.UNAVAILABLE : GRPC.INTERNAL,
      };
    case 'overload':
    case 'threadpool':
    case 'circuit':
      return { status: 503, grpc: GRPC.UNAVAILABLE };
    case 'ratelimit':
      return { status: precise ? 429 : 503, grpc: GRPC.RESOURCE_EXHAUSTED };
    case 'pool':
    case 'too-many-clients':
      return { status: precise ? 503 : 500, grpc: GRPC.UNAVAILABLE };
    default:
      return { status: 500, grpc: service.lang === 'go' ? GRPC.UNKNOWN : GRPC.INTERNAL };
  }
}
