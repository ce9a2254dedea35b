/**
 * One Docker command: a real `<button>` named exactly after the command, enabled iff the
 * architecture's entry point would accept it (`useCommandState`: a pending stop, the
 * mode and Docker's rules); when disabled, `aria-describedby` and `title` give the reason.
 */
import { useId, type ReactNode, Fragment } from 'react';
import { cliLine, type ContainerEvent, type ContainerSnapshot } from '../../../machines';
import { useCommandState } from '../../react/useCommandState';

/** Props of {@link CommandButton}. */
export interface CommandButtonProps {
  /** Exact accessible name, e.g. `Force remove`. */
  label: string;
  event: ContainerEvent;
  /** The container's name (the architecture answers for it). */
  name: string;
  /** The selected container's current snapshot (re-renders the row when it changes). */
  snapshot: ContainerSnapshot;
  /** Keys shown as `<kbd>` (hidden from the accessible name). Default none. */
  keys?: readonly string[];
  /** `aria-keyshortcuts`. */
  ariaKeyShortcuts?: string;
  /** Shown under an enabled button instead of the CLI line. */
  explanation?: string;
  /**
   * Id of a reason shared by several disabled buttons (shown once by the caller); the
   * row then shows no note of its own. Default: the row shows its own note.
   */
  sharedNoteId?: string;
  /** Sends the event (through the architecture, so the log gets it). */
  onSend: (event: ContainerEvent, button: HTMLButtonElement) => void;
  /** A control beside the note (e.g. the exit code of "Simulate crash"). Default none. */
  accessory?: ReactNode;
}

/** A command row: the button and, beside it, what it runs or why it is disabled. */
export function CommandButton({
  label,
  event,
  name,
  snapshot,
  keys = [],
  ariaKeyShortcuts,
  explanation,
  sharedNoteId,
  onSend,
  accessory,
}: CommandButtonProps) {
  const noteId = useId();
  const { enabled, reason } = useCommandState(name, event);
  const note = reason ?? explanation ?? cliLine(snapshot.context.name, event);

  const noteElement = sharedNoteId ? null : (
    <span id={noteId} className={reason ? 'command__note command__note--reason' : 'command__note'}>
      {reason ? null : explanation ? null : <span aria-hidden="true">$ </span>}
      {reason || explanation ? note : <CliWords line={note} />}
    </span>
  );

  return (
    <li className={`command${enabled ? '' : ' is-disabled'}`}>
      <button
        type="button"
        className="command__button"
        disabled={!enabled}
        aria-describedby={sharedNoteId ?? noteId}
        aria-keyshortcuts={ariaKeyShortcuts}
        title={reason ? `${label}: ${reason}` : undefined}
        onClick={(e) => onSend(event, e.currentTarget)}
      >
        <span className="command__label">{label}</span>
        {keys.length > 0 ? (
          <span className="command__keys" aria-hidden="true">
            {keys.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </span>
        ) : null}
      </button>
      {accessory ? (
        <span className="command__side">
          {accessory}
          {noteElement}
        </span>
      ) : (
        noteElement
      )}
    </li>
  );
}

/**
 * A CLI line that wraps between words only: `docker stop order-` / `service` read as two
 * names, so each word is kept whole (a word wider than the panel still breaks inside).
 */
function CliWords({ line }: { line: string }) {
  const words = line.split(' ');
  return (
    <>
      {words.map((word, i) => (
        <Fragment key={i}>
          <span className="command__word">{word}</span>
          {i < words.length - 1 ? ' ' : null}
        </Fragment>
      ))}
    </>
  );
}
