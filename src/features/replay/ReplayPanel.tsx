/**
 * The replay panel, shown while the session replays a `docker events` log: Play, Pause,
 * Step, Skip to end (docs/contracts.md §2), a speed, a scrubber over the events, what the
 * learner is looking at, the end-of-replay summary and the lines that could not be read.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Replay } from '../../model/replay/replay';
import { ReplayPlayer, REPLAY_SPEEDS, parseSpeed } from './replayPlayer';
import { currentEvent, eventSummary, formatEventTime, positionFromInput, positionLabel, scrubberValueText } from './replayPosition';
import { ReplayProblems } from './ReplayProblems';
import './ReplayPanel.css';

/** Props of {@link ReplayPanel}. */
export interface ReplayPanelProps {
  /** The session's replay (the panel drives it). */
  replay: Replay;
  /** The log's name (file name or URL's last segment). */
  title: string;
}

/** `Replay finished: 7 events, 0 flagged`. */
export function finishedMessage(length: number, flagged: number): string {
  return `Replay finished: ${length} event${length === 1 ? '' : 's'}, ${flagged} flagged`;
}

/** The panel; one `ReplayPlayer` per replay, paused on unmount. */
export function ReplayPanel({ replay, title }: ReplayPanelProps) {
  const player = useMemo(() => new ReplayPlayer(replay), [replay]);
  const state = useSyncExternalStore(player.subscribe, player.getState, player.getState);
  useEffect(() => () => player.pause(), [player]);

  const ids = useId();
  const groupRef = useRef<HTMLDivElement>(null);
  const playRef = useRef<HTMLButtonElement>(null);
  const pauseRef = useRef<HTMLButtonElement>(null);
  const rangeRef = useRef<HTMLInputElement>(null);

  // A focused button that just became disabled (Play while playing, everything at the end)
  // would drop keyboard focus to <body>: hand it to the control that makes sense next.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLButtonElement) || !active.disabled || !groupRef.current?.contains(active)) return;
    const next = state.playing ? pauseRef.current : !state.done ? playRef.current : rangeRef.current;
    next?.focus();
  }, [state.playing, state.done]);

  const events = replay.log.events;
  const current = currentEvent(events, state.position);
  const time = current ? formatEventTime(current.message.timeNano) : null;

  return (
    <section className="replay-panel" aria-labelledby={`${ids}-title`}>
      <div className="replay-panel__bar">
        {/* The log's name is in the page header already; here only as the heading's description. */}
        <h2 id={`${ids}-title`} className="replay-panel__title" title={title}>
          Replay
        </h2>
        <div ref={groupRef} role="group" aria-label="Replay controls" className="replay-controls">
          <button ref={playRef} type="button" className="tool-button tool-button--primary" disabled={state.playing || state.done} onClick={() => player.play()}>
            Play
          </button>
          <button ref={pauseRef} type="button" className="tool-button" disabled={!state.playing} onClick={() => player.pause()}>
            Pause
          </button>
          <button type="button" className="tool-button" disabled={state.done} onClick={() => player.step()} title="Apply the next recorded event">
            Step
          </button>
          <button type="button" className="tool-button" disabled={state.done} onClick={() => player.skipToEnd()} title="Apply every remaining event at once">
            Skip to end
          </button>
          <label className="replay-controls__speed">
            <span>Replay speed</span>
            <select value={String(state.speed)} onChange={(e) => player.setSpeed(parseSpeed(e.target.value))}>
              {REPLAY_SPEEDS.map((s) => (
                <option key={s.label} value={String(s.value)}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="replay-scrubber">
          <input
            ref={rangeRef}
            type="range"
            className="replay-scrubber__range"
            aria-label="Replay position"
            aria-describedby={`${ids}-where`}
            aria-valuetext={scrubberValueText(events, state.position)}
            min={0}
            max={state.length}
            step={1}
            value={state.position}
            onChange={(e) => player.seek(positionFromInput(e.target.value, state.length))}
          />
          <p id={`${ids}-where`} className="replay-scrubber__where">
            <span className="replay-scrubber__position">{positionLabel(state.position, state.length)}</span>
            {current ? (
              <>
                {' · '}
                <span className="replay-scrubber__event">
                  line {current.line}: {eventSummary(current)}
                </span>
                {' · '}
                <span className="replay-scrubber__time">{time ?? 'time not recorded'}</span>
              </>
            ) : null}
            {state.flagged > 0 ? (
              <>
                {' · '}
                <span className="replay-scrubber__flagged">{state.flagged} flagged</span>
              </>
            ) : null}
          </p>
        </div>
      </div>
      <div className="replay-panel__notes">
        <p className="replay-panel__explainer">
          <strong>What you are seeing:</strong> the recorded Docker events drive the same state machine as the buttons.
          Exec, network and similar events are listed in the log but change no state. <em>Flagged</em> means Docker could
          not have done that in the container&apos;s state at that moment, so the event is skipped.
        </p>
        <p role="status" className="replay-panel__finished">
          {state.done ? finishedMessage(state.length, state.flagged) : ''}
        </p>
      </div>
      <ReplayProblems problems={replay.log.problems} />
    </section>
  );
}
