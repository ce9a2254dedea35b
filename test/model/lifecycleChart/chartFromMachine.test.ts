/**
 * `chartFromMachine` on a tiny machine written here: the chart equals its definition, and a
 * state added to the definition appears in the chart with its transitions.
 */
import { describe, expect, it } from 'vitest';
import { setup, type AnyStateMachine } from 'xstate';
import { chartFromMachine, chartTransitions } from '../../../src/model/lifecycleChart/chartFromMachine';
import type { ChartSpec } from '../../../src/model/lifecycleChart/spec';

type JobEvent = { type: 'GO' } | { type: 'FINISH'; ok: boolean } | { type: 'RESET' } | { type: 'FAIL' };

const jobSetup = setup({
  types: { events: {} as JobEvent },
  guards: {
    isOk: ({ event }) => event.type === 'FINISH' && event.ok,
    never: () => false,
  },
  delays: { cooldown: 500 },
});

const jobStates = {
  idle: { on: { GO: 'busy' } },
  busy: {
    initial: 'warming',
    states: {
      warming: { after: { cooldown: 'working' } },
      working: { always: { guard: 'never', target: '#job.done' } },
    },
    on: { FINISH: [{ guard: 'isOk', target: 'done' }, { target: 'idle' }] },
  },
  done: { type: 'final' },
} as const;

const job = jobSetup.createMachine({ id: 'job', initial: 'idle', on: { RESET: '.idle' }, states: jobStates });

function spec(machine: AnyStateMachine): ChartSpec<JobEvent> {
  return {
    machine,
    candidateEvents: (type) => (type === 'FINISH' ? [{ type: 'FINISH', ok: false }, { type: 'FINISH', ok: true }] : []),
  };
}

describe('chartFromMachine on a tiny machine', () => {
  const chart = chartFromMachine(spec(job));

  it('has one node per state node, root first, depth-first', () => {
    expect(chart.rootId).toBe('job');
    expect(chart.nodes).toEqual([
      { id: 'job', key: 'job', path: [], parent: null, type: 'compound', initial: false, status: null, caption: null },
      { id: 'job.idle', key: 'idle', path: ['idle'], parent: 'job', type: 'atomic', initial: true, status: null, caption: null },
      { id: 'job.busy', key: 'busy', path: ['busy'], parent: 'job', type: 'compound', initial: false, status: null, caption: null },
      { id: 'job.busy.warming', key: 'warming', path: ['busy', 'warming'], parent: 'job.busy', type: 'atomic', initial: true, status: null, caption: null },
      { id: 'job.busy.working', key: 'working', path: ['busy', 'working'], parent: 'job.busy', type: 'atomic', initial: false, status: null, caption: null },
      { id: 'job.done', key: 'done', path: ['done'], parent: 'job', type: 'final', initial: false, status: null, caption: null },
    ]);
  });

  it('has one transition per definition, merged by pair of states', () => {
    const summary = chart.edges.map((e) => ({
      edge: e.id,
      transitions: e.transitions.map((t) => [t.kind, t.eventType.startsWith('xstate.after.') ? 'after' : t.eventType, t.branch, t.guard, t.event, t.label, t.targetless]),
    }));
    expect(summary).toEqual([
      { edge: 'job->job.idle', transitions: [['event', 'RESET', 0, null, { type: 'RESET' }, 'RESET', false]] },
      { edge: 'job.idle->job.busy', transitions: [['event', 'GO', 0, null, { type: 'GO' }, 'GO', false]] },
      { edge: 'job.busy->job.done', transitions: [['event', 'FINISH', 0, 'isOk', { type: 'FINISH', ok: true }, 'FINISH', false]] },
      { edge: 'job.busy->job.idle', transitions: [['event', 'FINISH', 1, null, { type: 'FINISH', ok: false }, 'FINISH', false]] },
      { edge: 'job.busy.warming->job.busy.working', transitions: [['delayed', 'after', 0, null, null, 'after cooldown', false]] },
      { edge: 'job.busy.working->job.done', transitions: [['eventless', '', 0, 'never', null, 'always', false]] },
    ]);
  });

  it('adds a state added to the definition, with its transitions', () => {
    const bigger = jobSetup.createMachine({
      id: 'job',
      initial: 'idle',
      on: { RESET: '.idle' },
      states: { ...jobStates, busy: { ...jobStates.busy, on: { ...jobStates.busy.on, FAIL: 'failed' } }, failed: { on: { GO: 'busy' } } },
    });
    const grown = chartFromMachine(spec(bigger));
    expect(grown.nodes.map((n) => n.id)).toEqual([...chart.nodes.map((n) => n.id), 'job.failed']);
    const added = chartTransitions(grown).filter((t) => !chartTransitions(chart).some((o) => o.id === t.id));
    expect(added.map((t) => `${t.source} -${t.eventType}-> ${t.target}`)).toEqual(['job.busy -FAIL-> job.failed', 'job.failed -GO-> job.busy']);
  });

  it('defaults: `{ type }` events and event-type labels for any machine', () => {
    const plain = chartFromMachine({ machine: job });
    const finish = chartTransitions(plain).filter((t) => t.eventType === 'FINISH');
    expect(finish.map((t) => t.event)).toEqual([{ type: 'FINISH' }, { type: 'FINISH' }]);
  });
});
