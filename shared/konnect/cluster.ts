/** Which control planes the debugger supports (domain.md section 9). */

export interface ClusterSupport {
  supported: boolean;
  reason?: string;
}

const UNSUPPORTED: Record<string, string> = {
  CLUSTER_TYPE_K8S_INGRESS_CONTROLLER: 'Kong Ingress Controller clusters do not support debugger sessions',
  CLUSTER_TYPE_EVENT_PROXY: 'event-proxy (Event Gateway) clusters do not support debugger sessions',
  CLUSTER_TYPE_EVENT_GATEWAY: 'event-proxy (Event Gateway) clusters do not support debugger sessions',
};

export function clusterSupport(clusterType: string | undefined | null): ClusterSupport {
  if (!clusterType) return { supported: true };
  const reason = UNSUPPORTED[clusterType.toUpperCase()];
  if (reason) return { supported: false, reason };
  // names are not promised to stay exactly these; anything mentioning event proxies is out too
  if (/EVENT/i.test(clusterType)) return { supported: false, reason: UNSUPPORTED.CLUSTER_TYPE_EVENT_PROXY };
  return { supported: true };
}

/** "CLUSTER_TYPE_CONTROL_PLANE" -> "control plane", for display. */
export function clusterTypeLabel(clusterType: string | undefined | null): string {
  if (!clusterType) return 'unknown';
  return clusterType.replace(/^CLUSTER_TYPE_/, '').toLowerCase().replace(/_/g, ' ');
}
