/**
 * Labels that say a series measures a dependency from its caller's side: OpenTelemetry span
 * metrics of CLIENT/PRODUCER spans (`span_kind`), Istio's `reporter="source"`, AWS X-Ray's
 * remote and client nodes and its `AWS::Lambda` service node (the Lambda service handling an
 * invocation of the `AWS::Lambda::Function` node: the function seen from outside, its time and
 * errors included), and front doors whose latency and errors are their backends' (an API Gateway
 * stage's Latency includes its integration's; a load balancer's response time is its targets')
 * (`component_type`), and the common `side`/`direction` spellings.
 * Such a series is about the callee as much as about the service it is filed under.
 */
const CALLER_SIDE: readonly [string, RegExp][] = [
  ['span_kind', /client|producer/i],
  ['reporter', /^source$/i],
  [
    'component_type',
    /^(remote|client|AWS::Lambda|AWS::ApiGateway::Stage|AWS::ElasticLoadBalancing(V2)?::LoadBalancer)$/i,
  ],
  ['side', /^(client|caller|outbound)$/i],
  ['direction', /^(outbound|egress|client)$/i],
];

/** True when the series' labels say it was measured by the caller (see above). */
export function seenByCaller(labels: Readonly<Record<string, string>>): boolean {
  for (const [key, re] of CALLER_SIDE) {
    const v = labels[key];
    if (v !== undefined && re.test(v)) return true;
  }
  return false;
}
