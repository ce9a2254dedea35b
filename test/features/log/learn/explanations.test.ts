/**
 * "Learn": the explanation under each log entry (texts from src/model/explain, one place),
 * the restart-policy note after a crash that the restart policy will restart, and the
 * live-region wording of each change (once, in plain words).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createTestArchitecture, type LogEntry, type TestArchitecture } from '../../../../machines';
import { announcementsFor, factsOf } from '../../../../src/features/log/announcements';
import { LogEntryView } from '../../../../src/features/log/LogEntryView';
import { explanationsFor, LogExplanation } from '../../../../src/features/log/learn/LogExplanation';
import { hasRestartNote } from '../../../../src/features/log/learn/restartNotes';
import { EXPLANATIONS, restartNote } from '../../../../src/model/explain/explanations';

let t: TestArchitecture;
afterEach(() => {
  t?.architecture.stop();
});

function setup(): TestArchitecture {
  t = createTestArchitecture();
  return t;
}

/** Sends `docker stop` and waits out its grace period: the entry is complete when the CLI would return. */
async function stopped(name: string): Promise<LogEntry> {
  const entry = t.send(name, { type: 'stop' });
  await t.advance(10_000);
  return entry;
}

const titles = (entry: LogEntry) => explanationsFor(entry).map((e) => e.title);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('LogExplanation', () => {
  it('explains each command from what Docker did (the texts of explanations.ts)', async () => {
    setup();
    expect(titles(t.send('order-service', { type: 'pause' }))).toEqual([EXPLANATIONS.pause.title]);
    expect(titles(t.send('order-service', { type: 'unpause' }))).toEqual([EXPLANATIONS.unpause.title]);
    expect(titles(await stopped('api-gateway'))).toEqual([EXPLANATIONS.stopForced.title]);
    expect(titles(t.send('order-service', { type: 'stop' }))).toEqual([EXPLANATIONS.stopDefault.title]);
    expect(titles(t.send('order-service', { type: 'pause' }))).toEqual([EXPLANATIONS.refused.title]);
    const html = renderToStaticMarkup(createElement(LogExplanation, { entry: t.send('redis', { type: 'kill' }) }));
    expect(text(html)).toBe(`${EXPLANATIONS.kill.title}. ${EXPLANATIONS.kill.text}`);
    expect(html).toContain('aria-hidden="true"'); // the icon
  });

  it('adds the restart-policy note after a crash that the restart policy restarts, and only then', async () => {
    setup();
    const crash = t.send('order-service', { type: 'exit', exitCode: 1 });
    t.expectStatus('order-service', 'restarting');
    expect(hasRestartNote(crash)).toBe(true);
    expect(titles(crash)).toEqual([EXPLANATIONS.crash.title, restartNote().title]);
    // Still there once the back-off is over and it runs again.
    await t.advance(1_000);
    t.expectStatus('order-service', 'running');
    expect(titles(crash)).toEqual([EXPLANATIONS.crash.title, restartNote().title]);
    const restarted = t.architecture.getLog().find((e) => e.kind === 'daemon' && e.container === 'order-service' && e.events.some((m) => m.Action === 'start'));
    expect(restarted && titles(restarted)).toEqual([EXPLANATIONS.policyStart.title]);
    // docker kill cancels the restart policy for this run: no note.
    const kill = t.send('redis', { type: 'kill' });
    t.expectStatus('redis', 'exited');
    expect(titles(kill)).toEqual([EXPLANATIONS.kill.title]);
    // A clean exit under unless-stopped is restarted too (Docker restarts on any exit).
    const oom = t.send('rabbitmq', { type: 'oom' });
    expect(titles(oom)).toEqual([EXPLANATIONS.oom.title, restartNote().title]);
  });

  it('keeps the note for a log shown only after the back-off is over (the log view mounts late, a story crashed it first)', async () => {
    t = createTestArchitecture();
    const crash = t.send('payment-service', { type: 'exit', exitCode: 3 });
    expect(crash.statusAfter).toBe('restarting');
    await t.advance(1_000);
    t.expectStatus('payment-service', 'running');
    const logged = t.architecture.getLog().find((e) => e.seq === crash.seq)!;
    expect(hasRestartNote(logged)).toBe(true);
    expect(titles(logged)).toEqual([EXPLANATIONS.crash.title, restartNote().title]);
  });

  it('the log entry shows it only while Learn is on', () => {
    setup();
    const entry = t.send('order-service', { type: 'pause' });
    const nameOfId = () => undefined;
    const on = renderToStaticMarkup(createElement(LogEntryView, { entry, nameOfId, learn: true }));
    const off = renderToStaticMarkup(createElement(LogEntryView, { entry, nameOfId, learn: false }));
    expect(on).toContain('class="log-explain"');
    expect(text(on)).toContain(EXPLANATIONS.pause.text);
    expect(off).not.toContain('log-explain');
  });
});

describe('live announcements: one plain sentence per change', () => {
  function say(run: () => LogEntry | LogEntry[]): string[] {
    const before = factsOf(t.architecture);
    const result = run();
    return announcementsFor(Array.isArray(result) ? result : [result], before, factsOf(t.architecture));
  }
  /** `say` for a stop that takes its grace period: announced when it ends. */
  async function sayStopped(name: string): Promise<string[]> {
    const before = factsOf(t.architecture);
    const entry = await stopped(name);
    return announcementsFor([entry], before, factsOf(t.architecture));
  }

  it('names the signal that ended the process', async () => {
    setup();
    expect(say(() => t.send('order-service', { type: 'pause' }))).toEqual(['order-service paused']);
    expect(say(() => t.send('order-service', { type: 'unpause' }))).toEqual(['order-service unpaused, running']);
    expect(say(() => t.send('order-service', { type: 'kill' }))).toEqual(['order-service exited with code 137 after SIGKILL']);
    expect(await sayStopped('api-gateway')).toEqual(['api-gateway exited with code 137 after SIGKILL']);
    expect(say(() => t.send('order-service', { type: 'start' }))).toEqual(['order-service running']);
    expect(say(() => t.send('order-service', { type: 'stop' }))).toEqual(['order-service exited with code 143 after SIGTERM']);
    expect(await sayStopped('product-service')).toEqual(['product-service exited with code 0 after SIGTERM']);
    expect(say(() => t.send('rabbitmq', { type: 'oom' }))).toEqual(['rabbitmq exited with code 137 (killed by the kernel OOM killer); restarting by its restart policy']);
    expect(say(() => t.send('payment-service', { type: 'exit', exitCode: 2 }))).toEqual(['payment-service exited with code 2; restarting by its restart policy']);
    expect(say(() => t.send('order-service', { type: 'remove' }))).toEqual(['order-service removed']);
  });
});

describe('repeatedExplanations (the first log a newcomer sees)', () => {
  it('tells an explanation once per run: three containers turning healthy together get one "Health check." lesson', async () => {
    const { repeatedExplanations } = await import('../../../../src/features/log/LogEntries');
    setup();
    await t.advance(60_000);
    const log = t.architecture.getLog();
    const health = log.filter((e) => titles(e).includes(EXPLANATIONS.health.title));
    expect(health.length, 'postgres, redis and rabbitmq turn healthy').toBeGreaterThanOrEqual(3);
    const repeated = repeatedExplanations(log);
    const told = health.filter((e) => !repeated.has(e.seq));
    expect(told.length).toBeLessThan(health.length);
    // Something else in between tells it again (a run, not the whole log).
    const pause = t.send('order-service', { type: 'pause' });
    expect(repeatedExplanations([health[0]!, health[1]!, pause, health[2]!])).toEqual(new Set([health[1]!.seq]));
  });
});
