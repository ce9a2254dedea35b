/** Our built-in examples in public/examples load, and say what the lesson says. */
import { describe, expect, it } from 'vitest';
import { dependencyOrder, reverseDependencyOrder } from '../../../machines/architecture/dependencyOrder';
import { containerNames } from '../../../src/model/compose/parseCompose';
import { edges, parseOk, readExample, serviceOf } from './helpers';

describe('ecommerce.compose.yml (the lesson platform)', () => {
  const { spec, warnings } = parseOk(readExample('ecommerce.compose.yml'), { fileName: 'ecommerce.compose.yml' });

  it('loads the ten services of the lesson, one container each, named as in the lesson', () => {
    const names = [
      'load-balancer', 'frontend-1', 'frontend-2', 'api-gateway', 'product-service', 'order-service',
      'payment-service', 'postgres', 'redis', 'rabbitmq',
    ];
    expect(spec.project).toBe('ecommerce');
    expect(spec.services.map((s) => s.name)).toEqual(names);
    expect(spec.services.flatMap((s) => containerNames(spec, s))).toEqual(names);
    expect(warnings).toEqual([]);
  });

  it('uses the lesson images and descriptions (frontends through an x- anchor merge)', () => {
    expect(serviceOf(spec, 'load-balancer').image).toBe('nginx:alpine');
    expect(serviceOf(spec, 'frontend-1')).toMatchObject({ image: 'shop/frontend:1.4', description: 'React' });
    expect(serviceOf(spec, 'frontend-2')).toMatchObject({ image: 'shop/frontend:1.4', description: 'React' });
    expect(serviceOf(spec, 'api-gateway')).toMatchObject({
      image: 'shop/api-gateway:2.1',
      description: 'Node.js + Express',
    });
    expect(serviceOf(spec, 'postgres').image).toBe('postgres:16-alpine');
    expect(serviceOf(spec, 'redis').image).toBe('redis:7-alpine');
    expect(serviceOf(spec, 'rabbitmq').image).toBe('rabbitmq:3-management');
  });

  it('has the lesson edges', () => {
    expect(edges(spec)).toEqual([
      'load-balancer>frontend-1:service_started',
      'load-balancer>frontend-2:service_started',
      'frontend-1>api-gateway:service_started',
      'frontend-2>api-gateway:service_started',
      'api-gateway>product-service:service_started',
      'api-gateway>order-service:service_started',
      'api-gateway>payment-service:service_started',
      'product-service>postgres:service_healthy',
      'product-service>redis:service_started',
      'order-service>postgres:service_healthy',
      'order-service>rabbitmq:service_started',
      'payment-service>postgres:service_healthy',
      'payment-service>rabbitmq:service_started',
    ]);
  });

  it('gives postgres a pg_isready healthcheck', () => {
    expect(serviceOf(spec, 'postgres').healthcheck).toEqual({
      test: 'pg_isready -U shop -d shop',
      intervalMs: 5000,
      timeoutMs: 3000,
      retries: 5,
      startPeriodMs: 10000,
    });
  });

  it('starts from the data stores and stops from the load balancer', () => {
    const up = [
      ['postgres', 'redis', 'rabbitmq'],
      ['product-service', 'order-service', 'payment-service'],
      ['api-gateway'],
      ['frontend-1', 'frontend-2'],
      ['load-balancer'],
    ];
    expect(dependencyOrder(spec)).toEqual(up);
    expect(reverseDependencyOrder(spec)).toEqual([...up].reverse());
  });
});

describe('voting.compose.yml', () => {
  const text = readExample('voting.compose.yml');
  const { spec, warnings } = parseOk(text);

  it('loads 5 services, one in the loadgen profile', () => {
    expect(spec.project).toBe('voting');
    expect(spec.services.map((s) => s.name)).toEqual(['ui', 'api', 'db', 'tally', 'loadgen']);
    expect(serviceOf(spec, 'loadgen').profiles).toEqual(['loadgen']);
    expect(warnings).toEqual([]);
  });

  it('waits for healthy services, restarting api with db', () => {
    expect(serviceOf(spec, 'ui').dependsOn[0]).toMatchObject({ service: 'api', condition: 'service_healthy' });
    expect(serviceOf(spec, 'api').dependsOn).toEqual([
      { service: 'db', condition: 'service_healthy', required: true, restart: true, via: 'depends_on' },
    ]);
    expect(serviceOf(spec, 'api').healthcheck).toEqual({
      test: 'wget -q --spider http://localhost:3000/health',
      intervalMs: 10000,
      timeoutMs: 2000,
      retries: 3,
      startPeriodMs: 15000,
      startIntervalMs: 1000,
    });
    expect(serviceOf(spec, 'api').restartPolicy).toBe('on-failure:5');
    expect(serviceOf(spec, 'ui').image).toBe('voting-ui');
  });

  it('leaves loadgen out of the start order unless its profile is active', () => {
    expect(dependencyOrder(spec)).toEqual([['db'], ['api', 'tally'], ['ui']]);
    const all = parseOk(text, { activeProfiles: ['loadgen'] }).spec;
    expect(dependencyOrder(all)).toEqual([['db'], ['api', 'tally'], ['ui'], ['loadgen']]);
  });
});

describe('scaled-workers.compose.yml', () => {
  const { spec, warnings } = parseOk(readExample('scaled-workers.compose.yml'));

  it('runs three worker replicas with generated names', () => {
    const worker = serviceOf(spec, 'worker');
    expect(worker.replicas).toBe(3);
    expect(containerNames(spec, worker)).toEqual([
      'scaled-workers-worker-1',
      'scaled-workers-worker-2',
      'scaled-workers-worker-3',
    ]);
    expect(worker.restartPolicy).toBe('on-failure:3');
    expect(warnings).toEqual([]);
  });

  it('waits for the one-shot migration to complete successfully', () => {
    expect(serviceOf(spec, 'migrate').restartPolicy).toBe('no');
    expect(edges(spec)).toEqual([
      'migrate>db:service_healthy',
      'worker>migrate:service_completed_successfully',
      'worker>queue:service_started',
      'scheduler>queue:service_started',
      'scheduler>migrate:service_completed_successfully',
    ]);
  });

  it('orders start and stop as Compose visits them', () => {
    expect(dependencyOrder(spec)).toEqual([['db', 'queue'], ['migrate'], ['worker', 'scheduler']]);
    expect(reverseDependencyOrder(spec)).toEqual([['worker', 'scheduler'], ['migrate', 'queue'], ['db']]);
  });
});
