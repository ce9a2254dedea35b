/** The synthetic architecture of bench 2: N services of one replica each. */
import type { ArchitectureSpec, ProcessSpec, ServiceSpec } from '../../machines';

const PROCESSES: ProcessSpec[] = [
  { onStopSignal: 'graceful', shutdownMs: 200, exitCode: 0 },
  { onStopSignal: 'exits' },
  { onStopSignal: 'ignores' },
  { onStopSignal: 'graceful', shutdownMs: 1500, exitCode: 0 },
];

/**
 * `n` services of one replica each; service i > 0 depends on service ⌊(i-1)/10⌋ (a
 * 10-ary tree, so `up` has several dependency levels as a real project would).
 */
export function scaleSpec(n: number): ArchitectureSpec {
  const services: ServiceSpec[] = Array.from({ length: n }, (_, i) => ({
    name: `svc-${i}`,
    image: i % 3 === 0 ? 'nginx:alpine' : `shop/service-${i % 50}:1.0`,
    replicas: 1,
    restartPolicy: i % 2 ? 'unless-stopped' : 'no',
    process: PROCESSES[i % PROCESSES.length],
    dependsOn:
      i === 0 ? [] : [{ service: `svc-${Math.floor((i - 1) / 10)}`, condition: 'service_started', required: true, restart: false, via: 'depends_on' }],
    profiles: [],
    ports: [],
    expose: [],
    networks: ['default'],
    environment: {},
  }));
  return { project: 'bench', services, networks: ['default'], volumes: [], activeProfiles: [] };
}

