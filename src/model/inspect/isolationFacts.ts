/**
 * What isolates a container, made concrete and consistent with `docker inspect`:
 * - PID namespace: the main process is PID 1 inside; outside it has a host PID
 *   (`.State.Pid`), new on every start.
 * - Network namespace: one interface on the project's bridge network, with an IP from
 *   its subnet (gateway `.1`), released when the process stops.
 * - UTS namespace: the hostname is the 12-character short ID, as Docker sets it.
 * - cgroups: the limits (none unless set; the specs here set none).
 * - Filesystem: the image's read-only layers plus the container's writable layer.
 * Addresses are SIMULATED but stable: derived from the container's slot in the spec
 * (service order and replica number), not random. Pure.
 */
import {
  inspectState,
  networkName,
  shortId,
  type ArchitectureSpec,
  type ContainerEntry,
  type ContainerSnapshot,
} from '../../../machines';
import { fnv1a } from './hash';
import { imageLayers, writableLayer, type ImageLayer, type WritableLayer } from './imageLayers';

/** The simulated host every container runs on. */
export const SIMULATED_HOST = { cpus: 8, memoryBytes: 24 * 1024 ** 3 } as const;

export interface IsolationFacts {
  pid: {
    /** PID of the main process inside its namespace (always 1 while it runs). */
    inside: number | null;
    /** Host PID (`.State.Pid`), null when no process runs. */
    host: number | null;
  };
  network: {
    /** Docker network name, e.g. `ecommerce_default` or `bridge`. */
    name: string;
    subnet: string;
    gateway: string;
    /** The container's address on that network (stable per container slot). */
    address: string;
    /** Whether the interface exists now (running or paused); stopped containers have none. */
    connected: boolean;
  };
  /** UTS namespace: the container's hostname (its short ID). */
  hostname: string;
  cgroup: {
    /** Bytes, or null for no limit (HostConfig.Memory 0). */
    memoryLimit: number | null;
    /** CPUs, or null for no limit (HostConfig.NanoCpus 0). */
    cpuLimit: number | null;
    /** Max processes, or null for no limit (HostConfig.PidsLimit null). */
    pidsLimit: number | null;
    hostCpus: number;
    hostMemory: number;
  };
  filesystem: {
    imageLayers: ImageLayer[];
    imageSizeBytes: number;
    writable: WritableLayer;
  };
}

/** 0-based position of the container's slot among all slots of the spec (service order, then replica). */
export function slotIndex(spec: ArchitectureSpec, entry: Pick<ContainerEntry, 'service' | 'replica'>): number {
  let index = 0;
  for (const service of spec.services) {
    if (service.name === entry.service) return index + Math.max(0, entry.replica - 1);
    index += Math.max(1, service.replicas);
  }
  // A service the spec no longer lists: a stable number past the listed ones.
  return index + (fnv1a(`${entry.service}/${entry.replica}`) % 200);
}

/** Subnet base (`172.18`) of a network: `bridge` is Docker's default 172.17; project networks follow in spec order. */
function subnetBase(spec: ArchitectureSpec, network: string): string {
  if (network === 'bridge') return '172.17';
  const names = spec.networks.map((n) => networkName(spec.project, n));
  let index = names.indexOf(network);
  if (index < 0) index = fnv1a(network) % 8;
  return `172.${Math.min(31, 18 + index)}`;
}

/** The isolation facts of `snapshot`'s container in slot `entry` of `spec`. */
export function isolationFacts(entry: ContainerEntry, snapshot: ContainerSnapshot, spec: ArchitectureSpec): IsolationFacts {
  const c = snapshot.context;
  const state = inspectState(snapshot);
  const base = subnetBase(spec, c.network);
  const host = slotIndex(spec, entry) + 2; // .1 is the gateway
  const layers = imageLayers(c.image);
  return {
    pid: { inside: state.Pid > 0 ? 1 : null, host: state.Pid > 0 ? state.Pid : null },
    network: {
      name: c.network,
      subnet: `${base}.0.0/16`,
      gateway: `${base}.0.1`,
      address: `${base}.${Math.floor(host / 256)}.${host % 256}`,
      connected: state.Status === 'running' || state.Status === 'paused',
    },
    hostname: shortId(c.id),
    cgroup: {
      memoryLimit: null,
      cpuLimit: null,
      pidsLimit: null,
      hostCpus: SIMULATED_HOST.cpus,
      hostMemory: SIMULATED_HOST.memoryBytes,
    },
    filesystem: {
      imageLayers: layers,
      imageSizeBytes: layers.reduce((sum, l) => sum + l.sizeBytes, 0),
      writable: writableLayer({ id: c.id, startCount: c.startCount, removed: state.Status === 'removed' }),
    },
  };
}
