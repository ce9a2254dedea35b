/**
 * The compact command bar of an embed: the selected container's eight Docker commands
 * (real buttons named exactly as docs/contracts.md §2 says, disabled with Docker's reason in
 * their title), Create / Run once it is removed, and the Compose actions (controls=full).
 * No document-level shortcuts: in a deck, letters belong to the deck.
 */
import { useSelector } from '@xstate/react';
import { cliLine, type ComposeAction, type ContainerActor, type ContainerEntry, type ContainerEvent } from '../../machines';
import { useCommandState } from '../react/useCommandState';
import { COMMANDS } from '../features/actions/commands';
import { useArchitecture, useSelectedContainer } from '../react/useSession';

/**
 * A pressed command button that became disabled (or was replaced, after Create / Run)
 * loses focus: keep keyboard users on the command bar's first enabled button.
 */
function keepCommandFocus(button: HTMLButtonElement): void {
  const root = button.getRootNode() as Document | ShadowRoot;
  requestAnimationFrame(() => {
    if (!button.disabled && button.isConnected) return;
    const active = root.activeElement;
    if (active !== null && active !== button && active !== button.ownerDocument.body) return;
    root.querySelector<HTMLButtonElement>('.cl-commands button:not(:disabled)')?.focus();
  });
}

const COMPOSE_BUTTONS = [
  ['Compose up', 'up'],
  ['Compose stop', 'stop'],
  ['Compose down', 'down'],
  ['Compose restart', 'restart'],
  ['Compose pause', 'pause'],
  ['Compose unpause', 'unpause'],
] as const;

/** Props of {@link EmbedCommands}. */
export interface EmbedCommandsProps {
  /** Runs a Compose action; given, the Compose buttons are shown. */
  onCompose?: (action: ComposeAction) => void;
}

export function EmbedCommands({ onCompose }: EmbedCommandsProps) {
  const selected = useSelectedContainer();
  return (
    <>
      {selected ? (
        <SelectedCommands key={selected.entry.id} entry={selected.entry} actor={selected.actor} />
      ) : (
        <p className="cl-hint" title="Click a container for its commands.">Click a container for its commands.</p>
      )}
      {onCompose ? <ComposeCommands onCompose={onCompose} /> : null}
    </>
  );
}

/** One command of the bar: enabled iff the architecture would accept it (`useCommandState`). */
function CommandButton({ name, label, event }: { name: string; label: string; event: ContainerEvent }) {
  const architecture = useArchitecture();
  const { enabled, reason } = useCommandState(name, event);
  return (
    <button
      type="button"
      className="cl-button"
      disabled={!enabled}
      title={reason ? `${label}: ${reason}` : `$ ${cliLine(name, event)}`}
      onClick={(e) => {
        architecture.send(name, event);
        keepCommandFocus(e.currentTarget);
      }}
    >
      {label}
    </button>
  );
}

function SelectedCommands({ entry, actor }: { entry: ContainerEntry; actor: ContainerActor }) {
  const architecture = useArchitecture();
  const snapshot = useSelector(actor, (s) => s);
  const removed = snapshot.value === 'removed';
  return (
    <div className="cl-toolbar__group cl-commands" role="group" aria-label={`Commands for ${entry.name}`}>
      <span className="cl-commands__name" title={entry.name}>
        {entry.name}
      </span>
      {COMMANDS.map((c) => (
        <CommandButton key={c.label} name={entry.name} label={c.label} event={c.event} />
      ))}
      {removed ? (
        <>
          <button type="button" className="cl-button" title={`$ docker create --name ${entry.name}`} onClick={(e) => {
              architecture.create(entry.service, entry.replica);
              keepCommandFocus(e.currentTarget);
            }}>
            Create
          </button>
          <button type="button" className="cl-button" title={`$ docker run -d --name ${entry.name}`} onClick={(e) => {
              architecture.run(entry.service, entry.replica);
              keepCommandFocus(e.currentTarget);
            }}>
            Run
          </button>
        </>
      ) : null}
    </div>
  );
}

function ComposeCommands({ onCompose }: { onCompose: (action: ComposeAction) => void }) {
  return (
    <div className="cl-toolbar__group cl-compose" role="group" aria-label="Compose">
      {COMPOSE_BUTTONS.map(([label, action]) => (
        <button key={action} type="button" className="cl-button" title={`$ docker compose ${action}`} onClick={() => onCompose(action)}>
          {label}
        </button>
      ))}
    </div>
  );
}
