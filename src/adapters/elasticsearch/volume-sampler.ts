/**
 * Wraps aggregations in Elasticsearch's `random_sampler` when the documents to aggregate exceed
 * `maxDocs`, so the server visits about `maxDocs` of them whatever the index size; counts and sums
 * inside come back scaled to the whole. Below the limit the aggregations run exactly.
 */
export function volumeSampler(
  total: number,
  maxDocs: number,
  aggs: Record<string, unknown>,
): {
  aggs: Record<string, unknown>;
  path: (r: Record<string, unknown> | undefined) => Record<string, unknown> | undefined;
  probability: number;
} {
  const p = total > 0 ? maxDocs / total : 1;
  // random_sampler takes a probability up to 0.5, or exactly 1.
  if (p > 0.5) return { aggs, path: (r) => r, probability: 1 };
  const probability = Math.max(1e-6, p);
  return {
    aggs: { sampled: { random_sampler: { probability, seed: 4242 }, aggs } },
    path: (r) => r?.sampled as Record<string, unknown> | undefined,
    probability,
  };
}
