import type { ChartRatioBucket } from './timeline-chart-spec.ts';

/**
 * Merges consecutive steps until each holds at least `minRequests` requests, so a ratio is never
 * drawn from one or two requests. Never merges across `cut` (the onset: the change the chart
 * shows stays sharp). A short remainder joins the bucket before it on the same side of the cut;
 * with none, it is kept with a null ratio (too few requests to say).
 */
export function mergeRatioBuckets(
  steps: readonly { from: number; to: number; requests: number; errors: number }[],
  minRequests: number,
  cut: number,
): ChartRatioBucket[] {
  const out: { from: number; to: number; requests: number; errors: number; side: boolean }[] = [];
  let open: (typeof out)[number] | undefined;
  const close = () => {
    if (!open) return;
    const prev = out.at(-1);
    if (open.requests < minRequests && prev && prev.side === open.side && prev.requests >= minRequests) {
      prev.to = open.to;
      prev.requests += open.requests;
      prev.errors += open.errors;
    } else out.push(open);
    open = undefined;
  };
  for (const p of steps) {
    const side = p.from >= cut;
    if (open && open.side !== side) close();
    if (!open) open = { ...p, side };
    else {
      open.to = p.to;
      open.requests += p.requests;
      open.errors += p.errors;
    }
    if (open.requests >= minRequests) {
      out.push(open);
      open = undefined;
    }
  }
  close();
  return out.map(({ from, to, requests, errors }) => ({
    from,
    to,
    requests,
    errors,
    ratio: requests >= minRequests ? errors / requests : null,
  }));
}
