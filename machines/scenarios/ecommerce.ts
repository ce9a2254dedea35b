/**
 * The lesson's e-commerce platform (docs/contracts.md §3): ten containers, which a page
 * brings up with `docker compose up -d` in dependency order (every `depends_on` is
 * `service_started`, so the up takes one Compose step per level: about 2 s of simulated
 * time). Each service's stop behaviour is chosen to show the lesson's cases: graceful
 * exit 0 (nginx, PostgreSQL), default action 143 (a Node service behind tini), PID 1
 * ignoring SIGTERM 137 after 10 s (a bare `node server.js`), and a handler slower than
 * the grace period (137).
 */
import type { HealthcheckSpec, ProcessSpec, RestartPolicy } from '../container/types';
import type { ArchitectureSpec, ServiceSpec } from '../architecture/spec';

function service(
  name: string,
  image: string,
  description: string,
  process: ProcessSpec,
  dependsOn: string[] = [],
  restartPolicy: RestartPolicy = 'unless-stopped',
  healthcheck?: HealthcheckSpec,
): ServiceSpec {
  return {
    ...(healthcheck ? { healthcheck } : {}),
    name,
    image,
    description,
    containerName: name,
    replicas: 1,
    restartPolicy,
    process,
    dependsOn: dependsOn.map((d) => ({ service: d, condition: 'service_started', required: true, restart: false, via: 'depends_on' })),
    profiles: [],
    ports: [],
    expose: [],
    networks: ['default'],
    environment: {},
  };
}

const nginx: ProcessSpec = { onStopSignal: 'graceful', shutdownMs: 200, exitCode: 0 };

/** The default scenario's spec. Project `ecommerce`; container names equal service names. */
export const ecommerceScenario: ArchitectureSpec = {
  project: 'ecommerce',
  networks: ['default'],
  volumes: ['pgdata'],
  activeProfiles: [],
  services: [
    service('load-balancer', 'nginx:alpine', 'nginx reverse proxy', nginx, ['frontend-1', 'frontend-2'], 'always'),
    service('frontend-1', 'shop/frontend:1.4', 'React app (served by nginx)', nginx, ['api-gateway']),
    service('frontend-2', 'shop/frontend:1.4', 'React app (served by nginx)', nginx, ['api-gateway']),
    service('api-gateway', 'shop/api-gateway:2.1', 'Node.js + Express; `node server.js` as PID 1, no SIGTERM handler', { onStopSignal: 'ignores' }, [
      'product-service',
      'order-service',
      'payment-service',
    ]),
    service('product-service', 'shop/product-service:1.7', 'Node.js; graceful SIGTERM handler (1.5 s)', { onStopSignal: 'graceful', shutdownMs: 1500, exitCode: 0 }, [
      'postgres',
      'redis',
    ]),
    service('order-service', 'shop/order-service:1.3', 'Node.js behind tini; dies on SIGTERM', { onStopSignal: 'exits' }, ['postgres', 'rabbitmq']),
    service('payment-service', 'shop/payment-service:3.0', 'Java; drains in-flight payments for 15 s', { onStopSignal: 'graceful', shutdownMs: 15_000, exitCode: 0 }, [
      'postgres',
      'rabbitmq',
    ]),
    service('postgres', 'postgres:16-alpine', 'PostgreSQL; smart shutdown on SIGTERM', { onStopSignal: 'graceful', shutdownMs: 800, exitCode: 0 }, [], 'unless-stopped', {
      test: 'pg_isready -U shop',
      intervalMs: 10_000,
      timeoutMs: 5_000,
      startPeriodMs: 10_000,
      startIntervalMs: 2_000,
      retries: 3,
    }),
    service('redis', 'redis:7-alpine', 'Redis; saves and exits on SIGTERM', { onStopSignal: 'graceful', shutdownMs: 100, exitCode: 0 }, [], 'unless-stopped', {
      test: 'redis-cli ping',
      intervalMs: 10_000,
      timeoutMs: 3_000,
      retries: 3,
    }),
    service('rabbitmq', 'rabbitmq:3-management', 'RabbitMQ; graceful shutdown (3 s)', { onStopSignal: 'graceful', shutdownMs: 3000, exitCode: 0 }, [], 'unless-stopped', {
      test: 'rabbitmq-diagnostics -q ping',
      intervalMs: 15_000,
      timeoutMs: 10_000,
      startPeriodMs: 20_000,
      startIntervalMs: 5_000,
      retries: 3,
    }),
  ],
};

/** Built-in scenarios by id (`?scenario=<id>`). */
export const scenarios: Readonly<Record<string, ArchitectureSpec>> = { ecommerce: ecommerceScenario };
