/** An input error (bad URL parameter, bad file) in a `role="alert"`, dismissible. */

/** Props of {@link InputAlert}. */
export interface InputAlertProps {
  /** What was wrong with the input, and what is shown instead. */
  message: string;
  /** Hides the alert. */
  onDismiss: () => void;
}

/** The alert banner under the header. */
export function InputAlert({ message, onDismiss }: InputAlertProps) {
  return (
    <div className="input-alert">
      <p role="alert" className="input-alert__message">
        {message}
      </p>
      <button type="button" className="tool-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
