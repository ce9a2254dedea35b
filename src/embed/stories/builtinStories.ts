/**
 * The built-in stories (`story=<id>`), as data. Each runs on the e-commerce platform,
 * from its settled state (the page's `docker compose up -d` run to its end, every container
 * running; see `StoryPlayer.goTo`). Captions say
 * what Docker just did, in Docker's words; `test/embed/stories.test.ts` runs
 * each one to its end and checks where the containers are.
 */
import type { Story } from './storySchema';

const typicalFlow: Story = {
  id: 'typical-flow',
  title: 'The lifecycle of one container',
  description: 'order-service goes through the five states: created, running, paused, stopped and removed. Press → to take the next step.',
  steps: [
    {
      container: 'order-service',
      command: { type: 'remove', force: true },
      caption: 'Start from nothing: docker rm -f order-service kills the running container and deletes it. Its slot is empty (Removed).',
    },
    {
      container: 'order-service',
      command: { type: 'create' },
      caption: 'docker create: a new container (new ID) with its filesystem and configuration. No process runs yet. Created.',
    },
    {
      container: 'order-service',
      command: { type: 'start' },
      caption: 'docker start: Docker starts the main process in the container. Running.',
    },
    {
      container: 'order-service',
      command: { type: 'pause' },
      caption: 'docker pause: the cgroup freezer suspends every process; memory is kept, nothing runs. Paused.',
    },
    {
      container: 'order-service',
      command: { type: 'unpause' },
      caption: 'docker unpause: the processes carry on exactly where they stopped. Running again.',
    },
    {
      container: 'order-service',
      command: { type: 'stop' },
      caption: 'docker stop: SIGTERM. order-service runs behind tini and dies by the default action: Exited (143), 128 + 15.',
    },
    {
      container: 'order-service',
      command: { type: 'remove' },
      caption: 'docker rm: the stopped container and its writable layer are deleted. Removed: only docker create or docker run makes a new one.',
    },
  ],
};

const gracefulVsForced: Story = {
  id: 'graceful-vs-forced',
  title: 'Graceful versus forced stop',
  description: 'docker stop sends SIGTERM and waits up to 10 s before SIGKILL. What happens depends on the main process.',
  steps: [
    {
      container: 'postgres',
      command: { type: 'stop' },
      caption: 'docker stop postgres: PostgreSQL handles SIGTERM (smart shutdown) and exits by itself within a second: Exited (0).',
    },
    {
      container: 'api-gateway',
      command: { type: 'stop' },
      caption: 'docker stop api-gateway: `node server.js` is PID 1 with no handler, so it ignores SIGTERM. After the 10 s grace period Docker sends SIGKILL: Exited (137), 128 + 9.',
    },
  ],
};

const crashLoop: Story = {
  id: 'crash-loop',
  title: 'A crash loop with a restart policy',
  description: 'payment-service keeps crashing. With on-failure:3, Docker restarts it three times, waiting twice as long each time, then gives up.',
  steps: [
    {
      container: 'payment-service',
      command: { type: 'update', restartPolicy: 'on-failure:3' },
      caption: 'docker update --restart on-failure:3 payment-service: restart after a non-zero exit, at most 3 times.',
    },
    { crash: 'payment-service', exitCode: 1, caption: 'The main process crashes with exit code 1. The restart manager waits 100 ms: Restarting.' },
    { wait: 100, caption: '100 ms later Docker starts it again: Running, restarts: 1.' },
    { crash: 'payment-service', exitCode: 1, caption: 'It crashes again at once: the back-off doubles to 200 ms.' },
    { wait: 200, caption: 'Started again: restarts: 2.' },
    { crash: 'payment-service', exitCode: 1, caption: 'Third crash: the back-off doubles to 400 ms.' },
    { wait: 400, caption: 'Started again: restarts: 3, the maximum of on-failure:3.' },
    {
      crash: 'payment-service',
      exitCode: 1,
      caption: 'Fourth crash: the retries are used up, so Docker leaves it Exited (1). Only docker start (which resets the count) runs it again.',
    },
    { wait: 60_000, caption: 'A minute later it is still Exited (1): no more restarts.' },
  ],
};

const dependencyFails: Story = {
  id: 'dependency-fails',
  title: 'A dependency fails, the rest keeps running',
  description: 'postgres goes down. Docker does not stop or restart the containers that use it.',
  steps: [
    {
      container: 'postgres',
      command: { type: 'stop' },
      caption: 'postgres stops: Exited (0). product-, order- and payment-service use it: they keep running, degraded.',
    },
    {
      wait: 30_000,
      caption: '30 s later nothing else has changed. Docker does not stop, restart or even warn the dependents: depends_on only orders startup.',
    },
    {
      container: 'order-service',
      command: { type: 'restart' },
      caption: 'docker restart order-service does not help: it runs again but is still degraded while postgres is down.',
    },
  ],
};

/** Built-in stories by id. */
export const BUILTIN_STORIES: Readonly<Record<string, Story>> = {
  'typical-flow': typicalFlow,
  'graceful-vs-forced': gracefulVsForced,
  'crash-loop': crashLoop,
  'dependency-fails': dependencyFails,
};

export { BUILTIN_STORY_IDS } from './storyIds';
