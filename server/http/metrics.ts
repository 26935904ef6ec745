import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app (tests build many apps in one process), with every metric the app reports. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cinehub_' });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'cinehub_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    cache: new Counter({
      name: 'cinehub_tmdb_cache_total',
      help: 'TMDB cache lookups by result (memory, hit, stale, miss)',
      labelNames: ['result'] as const,
      registers,
    }),
    upstream: new Counter({
      name: 'cinehub_upstream_requests_total',
      help: 'Calls to third-party services by outcome',
      labelNames: ['service', 'outcome'] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'cinehub_upstream_request_duration_seconds',
      help: 'Latency of calls to third-party services',
      labelNames: ['service'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers,
    }),
    htmlCache: new Counter({
      name: 'cinehub_html_cache_total',
      help: 'Rendered-page cache lookups for anonymous visitors',
      labelNames: ['result'] as const,
      registers,
    }),
    apiCache: new Counter({
      name: 'cinehub_api_response_cache_total',
      help: 'Anonymous catalog API answers served from the in-process response cache (hit) or built (miss)',
      labelNames: ['result'] as const,
      registers,
    }),
    bcryptDuration: new Histogram({
      name: 'cinehub_bcrypt_duration_seconds',
      help: 'Time spent hashing and comparing passwords',
      labelNames: ['op'] as const,
      buckets: [0.01, 0.05, 0.1, 0.2, 0.4, 0.8],
      registers,
    }),
    imageTransforms: new Counter({
      name: 'cinehub_image_transforms_total',
      help: 'Images resized or uploaded, by store and outcome',
      labelNames: ['store', 'outcome'] as const,
      registers,
    }),
    jobs: new Counter({
      name: 'cinehub_jobs_total',
      help: 'Background jobs by kind and state',
      labelNames: ['kind', 'state'] as const,
      registers,
    }),
    wsConnections: new Gauge({
      name: 'cinehub_ws_connections',
      help: 'Open WebSocket connections',
      registers,
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
