/**
 * A modal dialog for pasted text (a compose file, a `docker events` log): a textarea, the
 * reason a paste was refused (`role="alert"`), Cancel and a submit button. It opens when
 * mounted and calls `onClose` when closed (Escape, Cancel, or after a successful submit).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import './PasteDialog.css';

export interface PasteDialogProps {
  title: string;
  /** The textarea's label. */
  label: string;
  /** A line under the label (what can be pasted). */
  hint?: ReactNode;
  /** The submit button's text, e.g. `Load`, `Replay`. */
  submitLabel: string;
  placeholder?: string;
  rows?: number;
  /**
   * Takes the text; resolves to the reason it was refused (shown, the dialog stays open),
   * or `null` when it was taken (the dialog closes).
   */
  onSubmit: (text: string) => Promise<string | null>;
  onClose: () => void;
  /** Text the textarea starts with (e.g. the `.env` pasted before). */
  initialText?: string;
  /** A third button (e.g. `Clear variables`); the dialog closes after it. */
  secondaryAction?: { label: string; onClick: () => void };
}

export function PasteDialog({ title, label, hint, submitLabel, placeholder, rows = 14, onSubmit, onClose, initialText = '', secondaryAction }: PasteDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit(text).then((refused) => {
      setError(refused);
      // A taken paste may have replaced the page (a new session re-mounts it): close only if still here.
      if (refused === null) dialogRef.current?.close();
    });
  };

  return (
    <dialog
      ref={dialogRef}
      className="paste-dialog"
      aria-labelledby={`${ids}-title`}
      // StrictMode re-runs the effect (close, then open again): only a close that sticks counts.
      onClose={() => {
        if (!dialogRef.current?.open) onClose();
      }}
    >
      <form className="paste-dialog__form" onSubmit={submit}>
        <h2 id={`${ids}-title`} className="paste-dialog__title">
          {title}
        </h2>
        <label htmlFor={`${ids}-text`} className="paste-dialog__label">
          {label}
        </label>
        {hint ? (
          <p id={`${ids}-hint`} className="paste-dialog__hint">
            {hint}
          </p>
        ) : null}
        <textarea
          id={`${ids}-text`}
          className="paste-dialog__text"
          aria-describedby={hint ? `${ids}-hint` : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={rows}
          spellCheck={false}
          placeholder={placeholder}
        />
        {error ? (
          <p role="alert" className="paste-dialog__error">
            {error}
          </p>
        ) : null}
        <div className="paste-dialog__actions">
          <button type="button" className="tool-button" onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          {secondaryAction ? (
            <button
              type="button"
              className="tool-button"
              onClick={() => {
                secondaryAction.onClick();
                dialogRef.current?.close();
              }}
            >
              {secondaryAction.label}
            </button>
          ) : null}
          <button type="submit" className="tool-button tool-button--primary" disabled={text.trim() === ''}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
