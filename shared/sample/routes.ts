/** The demo gateway's routes: plugins per phase, traffic weight and typical upstream time. */

export interface RouteDef {
  method: string;
  path: () => string;
  route: string;
  service: string;
  host: string;
  upstreamHost: string;
  rewrite: string[];
  access: string[];
  headerFilter: string[];
  bodyFilter: string[];
  log: string[];
  weight: number;
  /** typical upstream time in ms */
  upstreamMs: number;
  withBody?: boolean;
}

export function sampleRoutes(rnd: () => number, pick: <T>(xs: readonly T[]) => T, uuid: () => string): RouteDef[] {
  return [
    {
      method: 'GET', path: () => `/orders/${1000 + Math.floor(rnd() * 9000)}`, route: '/orders', service: 'orders', host: 'api.acme.test', upstreamHost: 'orders.internal',
      rewrite: ['correlation-id'], access: ['key-auth', 'rate-limiting-advanced', 'acl'], headerFilter: ['cors', 'response-transformer'], bodyFilter: ['response-transformer'], log: ['http-log', 'prometheus'], weight: 5, upstreamMs: 35,
    },
    {
      method: 'POST', path: () => '/payments', route: '/payments', service: 'payments', host: 'api.acme.test', upstreamHost: 'payments.internal',
      rewrite: ['correlation-id'], access: ['openid-connect', 'request-validator', 'rate-limiting-advanced'], headerFilter: ['cors'], bodyFilter: [], log: ['http-log', 'prometheus'], weight: 3, upstreamMs: 120, withBody: true,
    },
    {
      method: 'GET', path: () => `/search?q=${pick(['shoes', 'tents', 'kayak', 'lamp'])}`, route: '/search', service: 'catalog', host: 'api.acme.test', upstreamHost: 'search.internal',
      rewrite: [], access: ['proxy-cache', 'cors'], headerFilter: ['cors', 'proxy-cache'], bodyFilter: ['proxy-cache'], log: ['prometheus'], weight: 4, upstreamMs: 80,
    },
    {
      method: 'GET', path: () => `/users/${uuid().slice(0, 8)}`, route: '/users', service: 'accounts', host: 'api.acme.test', upstreamHost: 'accounts.svc.cluster.local',
      rewrite: [], access: ['jwt', 'request-transformer'], headerFilter: ['response-transformer'], bodyFilter: [], log: ['file-log'], weight: 3, upstreamMs: 25,
    },
    {
      method: 'PUT', path: () => `/users/${uuid().slice(0, 8)}/avatar`, route: '/users', service: 'accounts', host: 'api.acme.test', upstreamHost: 'accounts.svc.cluster.local',
      rewrite: [], access: ['jwt', 'request-size-limiting'], headerFilter: [], bodyFilter: [], log: ['file-log'], weight: 1, upstreamMs: 60, withBody: true,
    },
    {
      method: 'GET', path: () => '/health', route: '/health', service: 'status', host: 'api.acme.test', upstreamHost: 'status.internal',
      rewrite: [], access: [], headerFilter: [], bodyFilter: [], log: [], weight: 2, upstreamMs: 2,
    },
  ];
}
