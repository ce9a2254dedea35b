/**
 * A user's own tests of the installed package, written from the README (copied with the
 * README's examples into a fresh project by package.consumer.test.ts; not part of the
 * repo's unit tests). The type assertions fail `tsc` when the package's types are missing
 * or degrade to `any`.
 */
import { expect, expectTypeOf, test } from 'vitest';
import { createActor } from 'xstate';
import {
  commandError,
  containerMachine,
  inspectState,
  type ContainerEvent,
  type DockerStatus,
  type InspectState,
} from 'container-lifecycle';
import { createTestArchitecture, lifecyclePaths, type LifecyclePath, type TestArchitecture } from 'container-lifecycle/testing';

test('a wrong event is a type error, and the machine ignores it', () => {
  const actor = createActor(containerMachine, { input: { name: 'web', image: 'nginx:alpine' } }).start();
  // @ts-expect-error 'paws' is not a container event (unused if the types were `any`)
  actor.send({ type: 'paws' });
  expect(inspectState(actor.getSnapshot()).Status).toBe('created');
  // @ts-expect-error a start takes no exit code (unused if the types were `any`)
  expect(commandError(actor.getSnapshot(), { type: 'start', exitCode: 1 })).toBeNull();
  actor.stop();
});

test("the package's types are real types, not any", () => {
  expectTypeOf(containerMachine).not.toBeAny();
  expectTypeOf(inspectState).returns.toEqualTypeOf<InspectState>();
  expectTypeOf<InspectState['Status']>().not.toBeAny();
  expectTypeOf(commandError).parameter(1).toEqualTypeOf<ContainerEvent>();

  const paths = lifecyclePaths();
  expectTypeOf(paths).toEqualTypeOf<LifecyclePath[]>();
  for (const path of paths) {
    expectTypeOf(path.target).toEqualTypeOf<DockerStatus>();
    path.steps.forEach((step) => expectTypeOf(step.event).toEqualTypeOf<ContainerEvent>());
  }

  const t = createTestArchitecture();
  expectTypeOf(t).toEqualTypeOf<TestArchitecture>();
  expectTypeOf(t.inspect('redis').Status).toEqualTypeOf<DockerStatus>();
  t.stop();
});

test('every status is reachable by a path the machine agrees with', () => {
  const targets = new Set(lifecyclePaths().map((path) => path.target));
  expect([...targets].sort()).toEqual(['created', 'exited', 'paused', 'removed', 'restarting', 'running'].sort());
});
