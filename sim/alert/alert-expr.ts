import type { Service } from '../model/topology-model.ts';
import type { AlertChoice } from './alert-choice.ts';

function metricFamily(svc: Service | undefined): { total: string; bucket: string; errSel: string; label: string } {
  if (!svc)
    return {
      total: 'http_requests_total',
      bucket: 'http_request_duration_seconds_bucket',
      errSel: 'code=~"5.."',
      label: 'service',
    };
  if (svc.framework === 'nginx')
    return {
      total: 'nginx_ingress_controller_requests',
      bucket: 'nginx_ingress_controller_request_duration_seconds_bucket',
      errSel: 'status=~"5.."',
      label: 'ingress',
    };
  if (svc.framework === 'envoy')
    return {
      total: 'envoy_http_downstream_rq_xx',
      bucket: 'envoy_http_downstream_rq_time_bucket',
      errSel: 'envoy_response_code_class="5"',
      label: 'envoy_cluster_name',
    };
  if (svc.protocol === 'grpc' && svc.role !== 'edge')
    return {
      total: 'grpc_server_handled_total',
      bucket: 'grpc_server_handling_seconds_bucket',
      errSel: 'grpc_code=~"Unknown|Internal|Unavailable|DeadlineExceeded|ResourceExhausted"',
      label: 'job',
    };
  switch (svc.lang) {
    case 'java':
      return {
        total: 'http_server_requests_seconds_count',
        bucket: 'http_server_requests_seconds_bucket',
        errSel: 'outcome="SERVER_ERROR"',
        label: 'application',
      };
    case 'go':
      return {
        total: 'http_server_request_duration_seconds_count',
        bucket: 'http_server_request_duration_seconds_bucket',
        errSel: 'http_response_status_code=~"5.."',
        label: 'service_name',
      };
    case 'node':
      return {
        total: 'http_request_duration_seconds_count',
        bucket: 'http_request_duration_seconds_bucket',
        errSel: 'status_code=~"5.."',
        label: 'service',
      };
    case 'python':
      return {
        total: 'flask_http_request_duration_seconds_count',
        bucket: 'flask_http_request_duration_seconds_bucket',
        errSel: 'status=~"5.."',
        label: 'job',
      };
    case 'dotnet':
      return {
        total: 'http_server_request_duration_seconds_count',
        bucket: 'http_server_request_duration_seconds_bucket',
        errSel: 'http_response_status_code=~"5.."',
        label: 'job',
      };
  }
}

const dur = (ms: number): string => (ms % 60_000 === 0 ? `${ms / 60_000}m` : `${Math.round(ms / 1000)}s`);

/** The PromQL expression of the rule that fired, in the metric names the service's stack exports. */
export function alertExpr(choice: AlertChoice, svc: Service | undefined): string {
  const f = metricFamily(svc);
  const sel = `${f.label}="${choice.service}"`;
  const w = dur(choice.windowMs);
  if (choice.signal === 'latency')
    return `histogram_quantile(${choice.quantile}, sum by (le) (rate(${f.bucket}{${sel}}[${w}]))) > ${choice.threshold}`;
  return `sum(rate(${f.total}{${sel},${f.errSel}}[${w}])) / sum(rate(${f.total}{${sel}}[${w}])) > ${choice.threshold}`;
}
