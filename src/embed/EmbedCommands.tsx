/**
 * The compact command bar of an embed: the selected container's eight Docker commands
 * (real buttons named exactly as docs/contracts.md §2 says, disabled with Docker's reason in
 * their title), Create / Run once it is removed, and the Compose actions (controls=full).
 * No document-level shortcuts: in a deck, letters belong to the deck.
 */
import { useSelector } from '@xstate/react';
import { cliLine, disabledReason, type ComposeAction, type ContainerActor, type ContainerEntry } from '../../machines';
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

function SelectedCommands({ entry, actor }: { entry: ContainerEntry; actor: ContainerActor }) {
  const architecture = useArchitecture();
  const snapshot = useSelector(actor, (s) => s);
  const removed = snapshot.value === 'removed';
  return (
    <div className="cl-toolbar__group cl-commands" role="group" aria-label={`Commands for ${entry.name}`}>
      <span className="cl-commands__name" title={entry.name}>
        {entry.name}
      </span>
      {COMMANDS.map((c) => {
        const enabled = snapshot.can(c.event);
        const reason = enabled ? null : (disabledReason(snapshot, c.event) ?? 'Docker would not change anything');
        return (
          <button
            key={c.label}
            type="button"
            className="cl-button"
            disabled={!enabled}
            title={reason ? `${c.label}: ${reason}` : `$ ${cliLine(entry.name, c.event)}`}
            onClick={(e) => {
              architecture.send(entry.name, c.event);
              keepCommandFocus(e.currentTarget);
            }}
          >
            {c.label}
          </button>
        );
      })}
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
