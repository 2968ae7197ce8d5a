import type { FieldType } from './ast';

/**
 * The fields a sampling expression may name (domain.md section 5), with their types, the aliases Kong
 * accepts, and a line of explanation for autocomplete. `attributeKeys` lists other attribute spellings
 * older gateways emit for the same value, which the evaluator also reads.
 */
export interface FieldInfo {
  name: string;
  type: FieldType;
  description: string;
  aliases: string[];
  attributeKeys?: string[];
}

const f = (name: string, type: FieldType, description: string, aliases: string[] = [], attributeKeys?: string[]): FieldInfo =>
  attributeKeys ? { name, type, description, aliases, attributeKeys } : { name, type, description, aliases };

/** The pattern of third-party I/O latency fields; `*` is one of THIRD_PARTY_KINDS. */
export const THIRD_PARTY_PATTERN = 'proxy.kong.latency.3p.*.total_io';
/** The only kinds of third-party I/O Kong measures (domain.md section 5). */
export const THIRD_PARTY_KINDS = ['redis', 'tcpsock', 'http_client', 'dns'] as const;
const thirdParty = /^proxy\.kong\.latency\.3p\.([a-z0-9_]+)\.total_io$/;

/**
 * Kong's sampling schema: every root attribute the data plane registers for sampling rules, with the
 * aliases it accepts (Konnect's editor keeps the same list). `attributeKeys` are other spellings of the
 * same value on stored traces: 3.9's `*_ms` names, 3.10-before-GA names and the OpenTelemetry plugin's
 * older conventions, so a rule also filters traces from those gateways.
 */
export const fieldCatalogue: readonly FieldInfo[] = [
  f('http.request.method', 'string', 'HTTP method of the request (GET, POST, ...)', ['http.method']),
  f('url.full', 'string', 'full request URL, without the query string', [], ['http.url']),
  f('url.scheme', 'string', 'URL scheme: http or https', [], ['http.scheme']),
  f('http.route', 'string', 'request path as Kong matched it', ['http.path']),
  f('http.request.header.host', 'string', 'Host header of the request', ['http.host']),
  f('network.protocol.name', 'string', 'protocol name, e.g. http or grpc', ['net.protocol']),
  f('network.protocol.version', 'string', 'protocol version, e.g. 1.1 or 2', [], ['http.flavor']),
  f('network.transport', 'string', 'transport protocol, e.g. tcp or udp'),
  f('server.address', 'string', 'address (or TLS server name) the gateway received the request on', ['tls.sni']),
  f('net.dst.ip', 'ip', 'IP address the gateway received the request on (server.address as an IP)', [], ['server.address']),
  f('network.peer.name', 'string', 'host name of the upstream peer'),
  f('proxy.kong.service.id', 'string', 'id of the Gateway Service that handled the request'),
  f('proxy.kong.route.id', 'string', 'id of the Route that matched the request'),
  f('proxy.kong.consumer.id', 'string', 'id of the authenticated Consumer', [], ['proxy.kong.consumer_id']),
  f('proxy.kong.upstream.id', 'string', 'id of the Upstream the request was proxied to', [], ['proxy.kong.upstream_id']),
  f('proxy.kong.target.id', 'string', 'id of the upstream Target the request was proxied to'),
  f('proxy.kong.upstream.host', 'string', 'host (and port) of the upstream that served the request'),
  f('http.response.status_code', 'int', 'HTTP status code sent to the client', [], ['http.status_code']),
  f('proxy.kong.upstream.status_code', 'int', 'HTTP status code the upstream answered with', [], ['proxy.kong.upstream_status_code']),
  f('http.request.size', 'int', 'request size in bytes'),
  f('client.port', 'int', 'port of the client connection', ['net.src.port']),
  f('server.port', 'int', 'port the gateway received the request on', ['net.dst.port']),
  f('network.peer.port', 'int', 'port of the upstream peer'),
  f('proxy.kong.latency.total', 'int', 'ms from first byte in to last byte out', ['proxy.kong.latency_total_ms']),
  f('proxy.kong.latency.internal', 'int', "ms of the gateway's own processing"),
  f('proxy.kong.latency.client', 'int', 'ms spent on client I/O (slow clients)'),
  f('proxy.kong.latency.upstream', 'int', 'ms spent waiting for and reading from the upstream'),
  f('proxy.kong.latency.upstream.ttfb', 'int', "ms until the upstream's first response byte", [], ['proxy.kong.upstream.ttfb_ms']),
  f('proxy.kong.latency.upstream.read_response_duration', 'int', "ms reading the upstream's response", [], ['proxy.kong.upstream.read_response_duration_ms']),
  f('proxy.kong.latency.3p.total_io', 'int', 'ms of all third-party I/O made by plugins and core'),
  f('proxy.kong.latency.3p.redis.total_io', 'int', 'ms of Redis I/O made by plugins', [], ['proxy.kong.latency.redis.total_io', 'proxy.kong.redis.total_io_ms']),
  f('proxy.kong.latency.3p.tcpsock.total_io', 'int', 'ms of raw TCP socket I/O made by plugins', [], ['proxy.kong.latency.tcpsock.total_io', 'proxy.kong.tcpsock.total_io_ms']),
  f('proxy.kong.latency.3p.http_client.total_io', 'int', 'ms of HTTP client I/O made by plugins'),
  f('proxy.kong.latency.3p.dns.total_io', 'int', 'ms of DNS resolution'),
  f('client.address', 'ip', 'IP address of the client', ['net.src.ip'], ['http.client_ip']),
  f('network.peer.address', 'ip', 'IP address of the upstream peer'),
  f('destination.address', 'ip', 'IP address the request was sent to'),
  f('proxy.kong.upstream.addr', 'ip', 'IP address of the upstream that served the request'),
];

const byName = new Map<string, FieldInfo>();
for (const info of fieldCatalogue) {
  byName.set(info.name, info);
  for (const alias of info.aliases) byName.set(alias, info);
}

/** The field a name (or alias) denotes, or undefined when the language has no such field. */
export function lookupField(name: string): FieldInfo | undefined {
  return byName.get(name);
}

/** Why a name that looks like a field is not one, when there is more to say than "unknown". */
export function unknownFieldHint(name: string): string | undefined {
  const m = thirdParty.exec(name);
  if (m) return `Kong measures third-party I/O only for ${THIRD_PARTY_KINDS.join(', ')}, not ${m[1]}`;
  return undefined;
}

/** The catalogue name closest to `name` by edit distance, when it is close enough to be a likely typo. */
export function suggestField(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of byName.keys()) {
    const d = editDistance(name, candidate, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const lastSegment = name.slice(name.lastIndexOf('.') + 1);
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length * 0.4))) return best;
  // a bare last segment ("status_code", "method") is a common shorthand: suggest the field it ends
  if (lastSegment.length >= 4) {
    for (const candidate of byName.keys()) if (candidate.endsWith(`.${lastSegment}`)) return candidate;
  }
  return undefined;
}

/** Levenshtein distance, giving up (returning limit) once every path exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return prev[b.length]!;
}

export function typeName(type: FieldType): string {
  return type === 'string' ? 'a string' : type === 'int' ? 'an integer' : 'an IP address';
}
