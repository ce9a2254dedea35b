/**
 * "State restored from your last visit · Reset": shown while an embed (persist=1) shows
 * the state it saved on a previous visit rather than the one its options describe, so a
 * presenter never mistakes leftovers from a rehearsal for the slide's start.
 */

/** Props of {@link RestoredHint}. */
export interface RestoredHintProps {
  /** Back to the start (forgets the save); absent in read-only embeds. */
  onReset?: () => void;
  onDismiss: () => void;
}

export function RestoredHint({ onReset, onDismiss }: RestoredHintProps) {
  return (
    <p className="cl-restored" data-restored="">
      <span>State restored from your last visit</span>
      {onReset ? (
        <>
          <span aria-hidden="true"> · </span>
          <button type="button" className="cl-restored__reset" onClick={onReset} title="Back to the start; forgets the saved state">
            Reset
          </button>
        </>
      ) : null}
      <button type="button" className="cl-restored__close" onClick={onDismiss} aria-label="Hide this note" title="Hide this note (the state stays)">
        ×
      </button>
    </p>
  );
}
