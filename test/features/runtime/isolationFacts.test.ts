/**
 * Inspect's isolation facts: addresses and hostnames stable per container, the host PID
 * equal to `.State.Pid` and new on every start, no address while stopped, the writable
 * layer gone after `docker rm` while the image layers stay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inspectState, shortId, type ContainerEntry } from '../../../machines';
import { imageLayers, writableLayer } from '../../../src/model/inspect/imageLayers';
import { isolationFacts, slotIndex, SIMULATED_HOST } from '../../../src/model/inspect/isolationFacts';
import { binarySize, humanSize } from '../../../src/model/inspect/units';
import { simulate, type Simulated } from './helpers';

let sim: Simulated | undefined;
afterEach(() => {
  sim?.architecture.stop();
  sim = undefined;
});

function entryOf(s: Simulated, name: string): ContainerEntry {
  const entry = s.architecture.containers.find((c) => c.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry;
}

const factsOf = (s: Simulated, name: string) => isolationFacts(entryOf(s, name), s.snapshot(name), s.architecture.spec);

describe('isolationFacts', () => {
  it('gives every container its own address on the project network, gateway .1, hostname = short ID', () => {
    sim = simulate();
    const all = sim.architecture.containers.map((c) => factsOf(sim!, c.name));
    const addresses = all.map((f) => f.network.address);

    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses[0]).toBe('172.18.0.2');
    for (const f of all) {
      expect(f.network).toMatchObject({ name: 'ecommerce_default', subnet: '172.18.0.0/16', gateway: '172.18.0.1', connected: true });
      expect(f.network.address).toMatch(/^172\.18\.0\.\d+$/);
    }
    const api = factsOf(sim, 'api-gateway');
    expect(api.hostname).toBe(shortId(sim.snapshot('api-gateway').context.id));
    expect(api.hostname).toHaveLength(12);
  });

  it('is stable: the same on every call and across separate page loads (new IDs, same slots)', () => {
    sim = simulate();
    const first = factsOf(sim, 'postgres');
    expect(factsOf(sim, 'postgres')).toEqual(first);
    const other = simulate();
    try {
      const again = factsOf(other, 'postgres');
      expect(again.network.address).toBe(first.network.address);
      expect(again.filesystem.imageLayers).toEqual(first.filesystem.imageLayers);
    } finally {
      other.architecture.stop();
    }
  });

  it('PID: 1 inside, host PID = .State.Pid, new after a restart by policy and after docker restart', async () => {
    sim = simulate();
    const pidOf = () => factsOf(sim!, 'redis').pid;
    const first = pidOf();
    expect(first.inside).toBe(1);
    expect(first.host).toBe(inspectState(sim.snapshot('redis')).Pid);
    expect(first.host).toBeGreaterThan(0);

    sim.architecture.send('redis', { type: 'update', restartPolicy: 'always' });
    sim.architecture.send('redis', { type: 'exit', exitCode: 1 });
    expect(pidOf()).toEqual({ inside: null, host: null }); // restarting: no process
    expect(factsOf(sim, 'redis').network.connected).toBe(false);
    await sim.advance(100);
    const second = pidOf();
    expect(second.host).not.toBeNull();
    expect(second.host).not.toBe(first.host);

    sim.architecture.send('redis', { type: 'restart' });
    await sim.advance(100); // redis saves and exits on SIGTERM in 100 ms
    const third = pidOf();
    expect(third.host).not.toBe(second.host);
    expect(third.host).toBe(inspectState(sim.snapshot('redis')).Pid);
  });

  it('a stopped container has no process and no address; its address comes back with the same slot', () => {
    sim = simulate();
    const running = factsOf(sim, 'order-service');
    sim.architecture.send('order-service', { type: 'stop' });
    const stopped = factsOf(sim, 'order-service');

    expect(stopped.pid.host).toBeNull();
    expect(stopped.network.connected).toBe(false);
    expect(stopped.network.address).toBe(running.network.address);
    expect(stopped.filesystem.writable.present).toBe(true);
  });

  it('docker rm deletes the writable layer; the image layers stay; a new container in the slot starts empty', () => {
    sim = simulate();
    sim.architecture.send('order-service', { type: 'stop' });
    const before = factsOf(sim, 'order-service');
    expect(before.filesystem.writable.sizeBytes).toBeGreaterThan(0);
    sim.architecture.send('order-service', { type: 'remove' });
    const removed = factsOf(sim, 'order-service');

    expect(removed.filesystem.writable).toEqual({ present: false, sizeBytes: 0 });
    expect(removed.filesystem.imageLayers).toEqual(before.filesystem.imageLayers);

    sim.architecture.create('order-service');
    const fresh = factsOf(sim, 'order-service');
    expect(fresh.hostname).not.toBe(before.hostname);
    expect(fresh.filesystem.writable).toEqual({ present: true, sizeBytes: 0 });
    expect(fresh.network.address).toBe(before.network.address);
  });

  it('cgroup limits: none set; the host is simulated', () => {
    sim = simulate();
    expect(factsOf(sim, 'postgres').cgroup).toEqual({
      memoryLimit: null,
      cpuLimit: null,
      pidsLimit: null,
      hostCpus: SIMULATED_HOST.cpus,
      hostMemory: SIMULATED_HOST.memoryBytes,
    });
    expect(binarySize(SIMULATED_HOST.memoryBytes)).toBe('24 GiB');
  });

  it('slotIndex follows service order and replica number', () => {
    sim = simulate();
    const spec = sim.architecture.spec;
    expect(slotIndex(spec, { service: 'load-balancer', replica: 1 })).toBe(0);
    expect(slotIndex(spec, { service: 'rabbitmq', replica: 1 })).toBe(9);
    expect(slotIndex({ ...spec, services: spec.services.map((s) => ({ ...s, replicas: 3 })) }, { service: 'frontend-2', replica: 2 })).toBe(7);
  });
});

describe('image layers', () => {
  it('are deterministic per image: 3 to 7 read-only layers, Alpine base for alpine images', () => {
    for (const image of ['nginx:alpine', 'postgres:16-alpine', 'rabbitmq:3-management', 'shop/api-gateway:2.1', 'redis:7-alpine']) {
      const layers = imageLayers(image);
      expect(imageLayers(image)).toEqual(layers);
      expect(layers.length).toBeGreaterThanOrEqual(3);
      expect(layers.length).toBeLessThanOrEqual(7);
      expect(new Set(layers.map((l) => l.digest)).size).toBe(layers.length);
      for (const l of layers) expect(l.digest).toMatch(/^sha256:[0-9a-f]{12}$/);
    }
    expect(imageLayers('nginx:alpine')[0]?.label).toMatch(/Alpine/);
    expect(imageLayers('rabbitmq:3-management')[0]?.label).toMatch(/Debian/);
    expect(imageLayers('nginx:alpine')).not.toEqual(imageLayers('redis:7-alpine'));
  });

  it('the writable layer is empty before the first start and grows with each start', () => {
    const id = 'a'.repeat(64);
    expect(writableLayer({ id, startCount: 0, removed: false }).sizeBytes).toBe(0);
    const once = writableLayer({ id, startCount: 1, removed: false }).sizeBytes;
    expect(writableLayer({ id, startCount: 2, removed: false }).sizeBytes).toBeGreaterThan(once);
    expect(writableLayer({ id, startCount: 2, removed: true })).toEqual({ present: false, sizeBytes: 0 });
  });

  it('sizes read like Docker (SI for images, binary for memory)', () => {
    expect([humanSize(0), humanSize(999), humanSize(7_800_000), humanSize(12_345), humanSize(1_234_567_890)]).toEqual([
      '0 B',
      '999 B',
      '7.8 MB',
      '12.3 kB',
      '1.23 GB',
    ]);
  });
});
