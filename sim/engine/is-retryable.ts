import type { Failure } from '../model/failure-model.ts';
import { GRPC } from './status-for-failure.ts';

/** Whether a client library / retry policy would retry this failure. */
export function isRetryable(f: Failure): boolean {
  switch (f.cls) {
    case 'timeout':
    case 'connect-timeout':
    case 'refused':
    case 'reset':
      return true;
    case 'http':
      return f.status === 502 || f.status === 503 || f.status === 504;
    case 'grpc':
      return f.grpcCode === GRPC.UNAVAILABLE || f.grpcCode === GRPC.DEADLINE_EXCEEDED;
    default:
      return false;
  }
}
