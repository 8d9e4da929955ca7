/**
 * A series that measures the machine a service runs on rather than the service: node-exporter's
 * `node_*` (node_cpu_seconds_total, node_load1, node_memory_MemAvailable_bytes), and `host_*` and
 * `machine_*` (cAdvisor's machine_cpu_cores). Filed under a pod's service, it is shared with every
 * other pod on that node: a neighbour's CPU hog shows in it as much as the service's own.
 */
export function measuresHost(name: string): boolean {
  return /^(node|host|machine)_/i.test(name);
}
