/**
 * Ways to load a `docker events` log, for the header: a file picker labelled
 * `Open events log` (CONTRACTS.md §2) and a dialog to paste a log.
 */
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { SessionSource } from '../../model/session/sessionSource';
import { loadEventsLogParser, parserLoadError } from './eventsLogInput';
import './ReplayPanel.css';

/** Props of {@link EventsLogTools}. */
export interface EventsLogToolsProps {
  /** Replaces the session with the replay of a log that parsed. */
  onLoad: (source: SessionSource) => void;
  /** Shows why a log could not be loaded (in the page's `role="alert"`). */
  onError: (message: string) => void;
}

/** File types offered by the picker (content decides; any file can still be chosen). */
export const EVENTS_LOG_ACCEPT = '.txt,.log,.jsonl,.ndjson,.json,text/plain,application/json,application/x-ndjson';

/** The picker and the paste button. */
export function EventsLogTools({ onLoad, onError }: EventsLogToolsProps) {
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again loads it again.
    input.value = '';
    if (!file) return;
    let result;
    try {
      result = await (await loadEventsLogParser()).readEventsFile(file);
    } catch (cause) {
      onError(parserLoadError(cause));
      return;
    }
    if (result.ok) onLoad(result.source);
    else onError(result.error);
  };
  return (
    <>
      <label className="tool-button events-log-open" title="Replay a docker events log (text or JSON lines)">
        Open events log
        <input type="file" className="visually-hidden" accept={EVENTS_LOG_ACCEPT} onChange={(e) => void onFile(e)} />
      </label>
      <PasteEventsLog onLoad={onLoad} />
    </>
  );
}

/** A button opening a modal dialog with a textarea for a pasted log. */
function PasteEventsLog({ onLoad }: Pick<EventsLogToolsProps, 'onLoad'>) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  const close = () => {
    dialogRef.current?.close();
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let result;
    try {
      result = (await loadEventsLogParser()).eventsLogSource(text, 'pasted events log');
    } catch (cause) {
      setError(parserLoadError(cause));
      return;
    }
    if (!result.ok) {
      setError(result.error);
      return;
    }
    close();
    setText('');
    onLoad(result.source);
  };

  return (
    <>
      <button type="button" className="tool-button" aria-haspopup="dialog" onClick={() => dialogRef.current?.showModal()}>
        Paste events log
      </button>
      <dialog ref={dialogRef} className="paste-dialog" aria-labelledby={`${ids}-title`} onClose={() => setError(null)}>
        <form className="paste-dialog__form" onSubmit={(e) => void submit(e)}>
          <h2 id={`${ids}-title`} className="paste-dialog__title">
            Paste a docker events log
          </h2>
          <label htmlFor={`${ids}-text`} className="paste-dialog__label">
            Events log, one event per line
          </label>
          <p id={`${ids}-hint`} className="paste-dialog__hint">
            The output of <code>docker events</code>, as text or with <code>--format &apos;{'{{json .}}'}&apos;</code>.
          </p>
          <textarea
            id={`${ids}-text`}
            className="paste-dialog__text"
            aria-describedby={`${ids}-hint`}
            rows={12}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {error ? (
            <p role="alert" className="paste-dialog__error">
              {error}
            </p>
          ) : null}
          <div className="paste-dialog__actions">
            <button type="button" className="tool-button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="tool-button tool-button--primary" disabled={text.trim() === ''}>
              Replay
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
