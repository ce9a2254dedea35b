/**
 * A one-shot dependency (`depends_on: {migrate: {condition: service_completed_successfully}}`)
 * is drawn as what it is: a job that runs before its dependants, not a service they call.
 * Once it exited 0 its edge says "completed" and its dependants are not degraded by it;
 * the verdict is Compose's own (`checkCondition`). Found in a screenshot of the
 * scaled-workers example: the workers were "degraded" and their edges "cut" by a migration
 * that had done its work.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArchitecture, type ArchitectureSpec } from '../../../machines';
import { architectureGraph } from '../../../src/model/layout/architectureGraph';
import { layoutArchitecture } from '../../../src/model/layout/layoutArchitecture';
import { buildEdges, buildNodes } from '../../../src/features/architecture/buildFlow';
import { oneShotVerdict } from '../../../src/features/architecture/useOneShotVerdict';
import { edgeTone, oneShotTone } from '../../../src/features/architecture/edgeTone';
import { loadComposeText } from '../../../src/features/compose/loadCompose';

function scaledWorkers(): ArchitectureSpec {
  const text = readFileSync(resolve(__dirname, '../../../public/examples/scaled-workers.compose.yml'), 'utf8');
  const result = loadComposeText(text, { fileName: 'scaled-workers.compose.yml', activeProfiles: [] });
  if (!result.ok) throw new Error(result.message);
  return result.source.spec;
}

describe('one-shot dependencies', () => {
  const spec = scaledWorkers();
  const graph = architectureGraph(spec);

  it('marks only service_completed_successfully pairs as one-shot', () => {
    const oneShot = graph.links.filter((l) => l.oneShot).map((l) => l.id);
    expect(oneShot).toEqual([
      'scaled-workers-worker-1->scaled-workers-migrate-1',
      'scaled-workers-worker-2->scaled-workers-migrate-1',
      'scaled-workers-worker-3->scaled-workers-migrate-1',
      'scaled-workers-scheduler-1->scaled-workers-migrate-1',
    ]);
    const drawn = graph.drawnLinks.find((l) => l.target === 'scaled-workers-migrate-1');
    expect(drawn?.oneShot?.condition).toBe('service_completed_successfully');
    expect(graph.drawnLinks.find((l) => l.targetService === 'queue' && l.sourceService === 'worker')?.oneShot).toBeUndefined();
  });

  it('a pair that is also called is not one-shot', () => {
    const called = architectureGraph({ ...spec, calls: [{ from: 'worker', to: 'migrate' }] });
    expect(called.links.filter((l) => l.oneShot).map((l) => l.source)).toEqual(['scaled-workers-scheduler-1']);
  });

  it('a one-shot never degrades its dependants; its edge follows Compose\'s verdict', () => {
    const architecture = createArchitecture(spec, { up: false });
    const actorOf = (name: string) => architecture.containerActor(name);
    const layout = layoutArchitecture(spec);
    const worker = buildNodes(graph, layout, actorOf, new Map()).find((n) => n.id === 'scaled-workers-worker-1')!;
    expect(worker.data.dependencies.map((a) => a.getSnapshot().context.name)).toEqual(['scaled-workers-queue-1']);

    const edge = buildEdges(graph, actorOf, new Map()).find((e) => e.data?.targetName === 'scaled-workers-migrate-1')!;
    expect(edge.ariaLabel).toBe('worker starts after scaled-workers-migrate-1 completes');
    const migrate = [actorOf('scaled-workers-migrate-1')!];
    const dependency = edge.data!.oneShot!;
    const verdict = () => oneShotVerdict(dependency, migrate);

    expect(verdict()).toEqual({ verdict: 'wait', reason: 'waiting for scaled-workers-migrate-1 to complete' });
    expect(oneShotTone(verdict().verdict)).toBe('waiting');
    architecture.send('scaled-workers-migrate-1', { type: 'start' });
    expect(verdict().verdict).toBe('wait');
    architecture.send('scaled-workers-migrate-1', { type: 'exit', exitCode: 0 });
    expect(architecture.status('scaled-workers-migrate-1')).toBe('exited');
    expect(edgeTone('exited'), 'a called service that exited is cut').toBe('cut');
    expect(verdict()).toEqual({ verdict: 'ok', reason: '' });
    expect(oneShotTone('ok')).toBe('done');

    architecture.send('scaled-workers-migrate-1', { type: 'start' });
    architecture.send('scaled-workers-migrate-1', { type: 'exit', exitCode: 3 });
    expect(verdict()).toEqual({ verdict: 'fail', reason: 'service "migrate" didn\'t complete successfully: exit 3' });
    expect(oneShotTone('fail')).toBe('cut');
  });
});
