/**
 * The action panel for the selected container: who it is, the eight Docker commands
 * (enabled iff the architecture's entry point would accept them: `useCommandState`), the process events used for teaching, and
 * Create / Run once it was removed. Every event goes through the architecture so the
 * log records it, and the architecture machine makes `docker stop`/`restart` take
 * their grace period on the simulation clock (Kill during it cancels and kills).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import type { ContainerActor, ContainerEntry, ContainerEvent } from '../../../machines';
import { usePending } from '../../react/usePending';
import { useArchitecture, useSelectedContainer } from '../../react/useSession';
import { CommandButton } from './CommandButton';
import { COMMANDS, PROCESS_EVENTS } from './commands';
import { ContainerSummary } from './ContainerSummary';
import { RecreateActions } from './RecreateActions';
import { ShortcutHelp } from './ShortcutHelp';
import { useCommandShortcuts } from './useCommandShortcuts';
import { useLastRefusal } from './useLastRefusal';
import { errorText } from '../../model/log/errorText';
import './ActionPanel.css';

/** Props of {@link ActionPanel}. */
export interface ActionPanelProps {
  /**
   * Extra content for the selected container, under its summary (the app shell passes the
   * runtime's stop behaviour and pending command). Default none.
   */
  renderDetails?: (entry: ContainerEntry, actor: ContainerActor) => ReactNode;
}

/** The panel; reads the selection from the session. Installs the keyboard shortcuts. */
export function ActionPanel({ renderDetails }: ActionPanelProps = {}) {
  useCommandShortcuts();
  const selected = useSelectedContainer();
  if (!selected) {
    return (
      <section className="action-panel action-panel--empty" aria-label="Actions">
        <p className="action-panel__hint">
          Select a container: click it, or Tab to it and press <kbd>Enter</kbd>. Arrow keys move between containers.
        </p>
        <ShortcutHelp />
      </section>
    );
  }
  return <SelectedActions key={selected.entry.id} entry={selected.entry} actor={selected.actor} renderDetails={renderDetails} />;
}

interface SelectedActionsProps {
  entry: ContainerEntry;
  actor: ContainerActor;
  renderDetails?: ActionPanelProps['renderDetails'];
}

function SelectedActions({ entry, actor, renderDetails }: SelectedActionsProps) {
  const architecture = useArchitecture();
  const snapshot = useSelector(actor, (s) => s);
  usePending(entry.name); // the crash code's field and the removed note ask the architecture too
  const groupRef = useRef<HTMLDivElement>(null);
  const createRef = useRef<HTMLButtonElement>(null);
  const removed = snapshot.value === 'removed';
  // Once removed, every command has the same reason: say it once.
  const removedNoteId = useId();
  const sharedNoteId = removed ? removedNoteId : undefined;
  // "Simulate crash" exits with this code (0–255; the machine refuses anything else).
  const [crashCode, setCrashCode] = useState('1');
  const refusal = useLastRefusal(architecture, entry.name);

  // A button that becomes disabled loses focus; keep keyboard users in the panel (on
  // Create once the container is gone: that is the next thing to do).
  const keepFocusInPanel = () => {
    if (createRef.current) createRef.current.focus();
    else groupRef.current?.focus({ preventScroll: true });
  };
  // The button last pressed: a timed command (docker stop's grace period) may disable it
  // only when the container has stopped, long after the key press.
  const pressed = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    const button = pressed.current;
    if (!button || (!button.disabled && button.isConnected)) return;
    pressed.current = null;
    const root = button.getRootNode() as Document | ShadowRoot;
    const active = button.ownerDocument.activeElement;
    // Only while focus is still on that button or fell to nothing: never taken from elsewhere.
    if (root.activeElement === button || active === null || active === button.ownerDocument.body) requestAnimationFrame(keepFocusInPanel);
  }, [snapshot]);

  const send = (event: ContainerEvent, button: HTMLButtonElement) => {
    pressed.current = button;
    // The architecture decides how long it takes (stop/restart: SIGTERM, then the grace period).
    architecture.send(entry.name, event);
    requestAnimationFrame(() => {
      if (!button.disabled && button.isConnected) return;
      keepFocusInPanel();
    });
  };

  return (
    <section className="action-panel" aria-label={`Actions for ${entry.name}`}>
      <ContainerSummary snapshot={snapshot} />
      {renderDetails?.(entry, actor)}
      {removed ? (
        <RecreateActions
          service={entry.service}
          replica={entry.replica}
          image={snapshot.context.image}
          name={entry.name}
          createRef={createRef}
        />
      ) : null}
      <div ref={groupRef} tabIndex={-1} className="action-panel__groups">
        <h3 id="docker-commands-title" className="panel-subtitle">
          Docker commands
        </h3>
        {removed ? (
          <p id={removedNoteId} className="command__note command__note--reason action-panel__shared-note">
            {architecture.disabledReason(entry.name, { type: 'start' })}
          </p>
        ) : null}
        {refusal ? (
          <p key={refusal.seq} className="action-panel__refusal" role="status" data-refused={refusal.cli}>
            <code>{refusal.cli}</code> {errorText(refusal)}
          </p>
        ) : null}
        <ul className={`command-list${removed ? ' is-compact' : ''}`} aria-labelledby="docker-commands-title">
          {COMMANDS.map((c) => (
            <CommandButton
              key={c.label}
              label={c.label}
              event={c.event}
              name={entry.name}
              snapshot={snapshot}
              keys={c.keys}
              ariaKeyShortcuts={c.ariaKeyShortcuts}
              sharedNoteId={sharedNoteId}
              onSend={send}
            />
          ))}
        </ul>
        <h3 id="process-events-title" className="panel-subtitle">
          Inside the container
        </h3>
        <ul className={`command-list command-list--secondary${removed ? ' is-compact' : ''}`} aria-labelledby="process-events-title">
          {PROCESS_EVENTS.map((p) => {
            const crash = p.event.type === 'exit' && p.event.exitCode !== 0;
            const exitCode = /^\d{1,3}$/.test(crashCode.trim()) ? Number(crashCode) : Number.NaN;
            return (
              <CommandButton
                key={p.label}
                label={p.label}
                event={crash ? { type: 'exit', exitCode } : p.event}
                name={entry.name}
                snapshot={snapshot}
                explanation={crash ? `the main process exits with code ${crashCode.trim() || '?'}` : p.explanation}
                sharedNoteId={sharedNoteId}
                onSend={send}
                accessory={
                  // Only while a process can crash: otherwise the reason needs the room.
                  crash && architecture.can(entry.name, { type: 'exit', exitCode: 1 }) ? (
                    <input
                      type="number"
                      className="crash-code"
                      min={0}
                      max={255}
                      step={1}
                      inputMode="numeric"
                      value={crashCode}
                      onChange={(e) => setCrashCode(e.currentTarget.value)}
                      aria-label="Exit code of the simulated crash (0 to 255)"
                    />
                  ) : undefined
                }
              />
            );
          })}
        </ul>
        <p className="action-panel__tip">
          Shortcuts also send commands whose button is disabled, so you can read Docker&apos;s answer in the log.
        </p>
      </div>
    </section>
  );
}
