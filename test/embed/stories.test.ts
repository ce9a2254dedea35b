/**
 * Stories: the schema (clear errors with the path of the first problem) and every
 * built-in story, run to its end on the test harness's simulated clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestArchitecture, inspectState, type TestArchitecture } from '../../machines';
import { BUILTIN_STORIES, BUILTIN_STORY_IDS } from '../../src/embed/stories/builtinStories';
import { StoryPlayer, applyStep } from '../../src/embed/stories/storyPlayer';
import { parseStory, type Story } from '../../src/embed/stories/storySchema';
import { parseStoryText } from '../../src/embed/stories/storyText';

const CONTAINERS = ['load-balancer', 'frontend-1', 'frontend-2', 'api-gateway', 'product-service', 'order-service', 'payment-service', 'postgres', 'redis', 'rabbitmq'];

/** A player on the test harness: `restart` builds a fresh e-commerce platform. */
function harnessPlayer(story: Story) {
  let t: TestArchitecture = createTestArchitecture();
  const focused: Array<string | null> = [];
  const player = new StoryPlayer(story, {
    current: () => t,
    restart: () => {
      t.stop();
      t = createTestArchitecture();
      return t;
    },
    focus: (name) => focused.push(name),
  });
  return { player, harness: () => t, focused };
}

function statusOf(t: TestArchitecture): Record<string, string> {
  return Object.fromEntries(CONTAINERS.map((name) => [name, t.inspect(name).Status]));
}

function allRunningExcept(overrides: Record<string, string>): Record<string, string> {
  return Object.fromEntries(CONTAINERS.map((name) => [name, overrides[name] ?? 'running']));
}

describe('built-in stories', () => {
  it('are all valid stories', () => {
    expect(BUILTIN_STORY_IDS).toEqual(['typical-flow', 'graceful-vs-forced', 'crash-loop', 'dependency-fails']);
    expect(Object.keys(BUILTIN_STORIES)).toEqual([...BUILTIN_STORY_IDS]);
    for (const story of Object.values(BUILTIN_STORIES)) {
      const parsed = parseStory(JSON.parse(JSON.stringify(story)));
      expect(parsed, story.id).toEqual({ ok: true, story });
    }
  });

  it('every step of every story is accepted by Docker', () => {
    for (const story of Object.values(BUILTIN_STORIES)) {
      const t = createTestArchitecture();
      for (const [i, step] of story.steps.entries()) {
        expect(applyStep(t, step), `${story.id} step ${i + 1}`).toEqual({ ok: true });
      }
      t.stop();
    }
  });

  it('typical flow: order-service goes created → running → paused → running → exited (143) → removed', () => {
    const { player, harness } = harnessPlayer(BUILTIN_STORIES['typical-flow']!);
    const seen: string[] = [];
    while (player.next()) seen.push(harness().inspect('order-service').Status);
    expect(seen).toEqual(['removed', 'created', 'running', 'paused', 'running', 'exited', 'removed']);
    expect(statusOf(harness())).toEqual(allRunningExcept({ 'order-service': 'removed' }));
  });

  it('typical flow: the stop exits 143 (tini, default action of SIGTERM)', () => {
    const { player, harness } = harnessPlayer(BUILTIN_STORIES['typical-flow']!);
    player.goTo(6);
    expect(harness().inspect('order-service')).toMatchObject({ Status: 'exited', ExitCode: 143 });
  });

  it('graceful vs forced: postgres exits 0, api-gateway is killed after the grace period (137)', () => {
    const { player, harness } = harnessPlayer(BUILTIN_STORIES['graceful-vs-forced']!);
    while (player.next());
    const t = harness();
    expect(t.inspect('postgres')).toMatchObject({ Status: 'exited', ExitCode: 0 });
    expect(t.inspect('api-gateway')).toMatchObject({ Status: 'exited', ExitCode: 137 });
    expect(statusOf(t)).toEqual(allRunningExcept({ postgres: 'exited', 'api-gateway': 'exited' }));
  });

  it('crash loop: three restarts with a doubling back-off, then Docker gives up', () => {
    const { player, harness } = harnessPlayer(BUILTIN_STORIES['crash-loop']!);
    const trace: string[] = [];
    while (player.next()) {
      const s = harness().architecture.containerActor('payment-service')!.getSnapshot();
      trace.push(`${inspectState(s).Status}/${s.context.restartCount}`);
    }
    // RestartCount counts the restarts begun, as `docker inspect` shows during the back-off.
    expect(trace).toEqual(['running/0', 'restarting/1', 'running/1', 'restarting/2', 'running/2', 'restarting/3', 'running/3', 'exited/3', 'exited/3']);
    expect(harness().inspect('payment-service')).toMatchObject({ Status: 'exited', ExitCode: 1 });
    expect(statusOf(harness())).toEqual(allRunningExcept({ 'payment-service': 'exited' }));
  });

  it('dependency fails: postgres is down, every other container keeps running', () => {
    const { player, harness } = harnessPlayer(BUILTIN_STORIES['dependency-fails']!);
    while (player.next());
    expect(statusOf(harness())).toEqual(allRunningExcept({ postgres: 'exited' }));
  });
});

describe('StoryPlayer', () => {
  const story = BUILTIN_STORIES['typical-flow']!;

  it('goes back by replaying from the start: the state is exactly the one after step n-1', () => {
    const { player, harness } = harnessPlayer(story);
    player.next();
    player.next();
    player.next(); // running
    player.next(); // paused
    const before = harness();
    expect(player.back()).toBe(true);
    expect(harness()).not.toBe(before); // a fresh architecture
    expect(player.position).toBe(3);
    expect(harness().inspect('order-service').Status).toBe('running');
  });

  it('back at the start and next at the end do nothing and say so', () => {
    const { player } = harnessPlayer(story);
    expect(player.back()).toBe(false);
    player.goTo(99);
    expect(player.position).toBe(story.steps.length);
    expect(player.next()).toBe(false);
  });

  it('captions: the description before the first step, then the last step’s caption; focuses the step’s container', () => {
    const { player, focused } = harnessPlayer(story);
    expect(player.state()).toMatchObject({ position: 0, length: 7, caption: story.description, error: null });
    player.next();
    expect(player.state().caption).toBe(story.steps[0]!.caption);
    expect(focused.at(-1)).toBe('order-service');
  });

  it('reports Docker’s refusal of a step without throwing, and carries on', () => {
    const refused: Story = { title: 'x', steps: [{ container: 'order-service', command: { type: 'unpause' } }, { wait: 10 }] };
    const { player } = harnessPlayer(refused);
    expect(player.next()).toBe(true);
    expect(player.state().error).toMatch(/docker unpause order-service: .*not paused/);
    expect(player.next()).toBe(true);
    expect(player.state().error).toBeNull();
  });

  it('runs a compose step to its end on the simulated clock', () => {
    const composeStory: Story = { title: 'compose', steps: [{ compose: 'stop' }, { compose: 'up' }] };
    const { player, harness } = harnessPlayer(composeStory);
    player.next();
    expect(Object.values(statusOf(harness())).every((s) => s === 'exited')).toBe(true);
    player.next();
    expect(statusOf(harness())).toEqual(allRunningExcept({}));
  });

  it('resume sets the position without applying steps', () => {
    const { player, harness } = harnessPlayer(story);
    player.resume(4);
    expect(player.position).toBe(4);
    expect(harness().inspect('order-service').Status).toBe('running');
  });
});

describe('story files', () => {
  it('reads YAML and JSON, with command shorthands', () => {
    const yaml = `title: Pause and go\nsteps:\n  - container: redis\n    command: pause\n    caption: frozen\n  - wait: 500\n  - crash: redis\n  - compose: up\n`;
    const parsed = parseStoryText(yaml, 'pause.yaml');
    expect(parsed).toEqual({
      ok: true,
      story: {
        title: 'Pause and go',
        steps: [{ container: 'redis', command: { type: 'pause' }, caption: 'frozen' }, { wait: 500 }, { crash: 'redis', exitCode: 1 }, { compose: 'up' }],
      },
    });
    const json = JSON.stringify({ title: 'J', steps: [{ container: 'redis', command: { type: 'stop', timeoutSeconds: 2 } }] });
    expect(parseStoryText(json)).toMatchObject({ ok: true, story: { steps: [{ command: { type: 'stop', timeoutSeconds: 2 } }] } });
  });

  it.each([
    [{ steps: [{ wait: 1 }] }, 'my.json: title:'],
    [{ title: 'x', steps: [] }, 'steps: a story needs at least one step'],
    [{ title: 'x', steps: [{ wait: 1 }, { container: 'redis', command: 'strat' }] }, 'steps[1].command: unknown command "strat"'],
    [{ title: 'x', steps: [{ container: 'redis', command: { type: 'stop', timeoutSeconds: 'soon' } }] }, 'steps[0].command.timeoutSeconds:'],
    [{ title: 'x', steps: [{ container: 'redis', command: { type: 'teleport' } }] }, 'steps[0].command.type: expected an event type'],
    [{ title: 'x', steps: [{ container: 'redis' }] }, 'steps[0].command: a container step needs a "command"'],
    [{ title: 'x', steps: [{ wait: -5 }] }, 'steps[0].wait:'],
    [{ title: 'x', steps: [{ wait: 5, compose: 'up' }] }, 'steps[0]: a step has one kind'],
    [{ title: 'x', steps: [{ sleep: 5 }] }, 'steps[0]: a step needs one of'],
    [{ title: 'x', steps: [{ compose: 'explode' }] }, 'steps[0].compose: expected a Compose action'],
    [{ title: 'x', steps: [{ wait: 5, captoin: 'typo' }] }, 'steps[0]: unknown key "captoin"'],
    [{ title: 'x', scenario: 'nope', steps: [{ wait: 5 }] }, 'scenario: expected a built-in scenario'],
    [[1, 2], '(top level): a story is an object'],
  ])('%j is refused with the path of the first problem', (value, expected) => {
    const parsed = parseStory(value, 'my.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(expected);
  });

  it('refuses text that is not JSON or YAML, and oversized files', () => {
    expect(parseStoryText('title: [unclosed', 's.yaml')).toMatchObject({ ok: false, error: expect.stringContaining('s.yaml: not valid JSON or YAML') });
    expect(parseStoryText('x'.repeat(300_000))).toMatchObject({ ok: false, error: expect.stringContaining('too large') });
  });
});

describe('sample story files (public/stories)', () => {
  const dir = join(__dirname, '../../public/stories');
  it.each(readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)))('%s is valid and runs to its end', (file) => {
    const parsed = parseStoryText(readFileSync(join(dir, file), 'utf8'), file);
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
    if (!parsed.ok) return;
    const t = createTestArchitecture();
    for (const [i, step] of parsed.story.steps.entries()) expect(applyStep(t, step), `${file} step ${i + 1}`).toEqual({ ok: true });
    if (file === 'restart-always.yaml') t.expectStatus('redis', 'exited');
    t.stop();
  });
});
