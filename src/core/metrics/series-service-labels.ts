/** Labels that name a metric series' service, first match wins (the bundle format's order; `pod` after them). */
export const SERIES_SERVICE_LABELS = [
  'service',
  'service_name',
  'app',
  'app_kubernetes_io_name',
  'job',
  'container',
] as const;
