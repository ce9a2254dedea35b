/**
 * The bar shown while an events log loads: a `<progress>` named after the log (value:
 * bytes parsed, max: the log's bytes; no value while the text is read or downloaded),
 * how far in words, and Cancel, which stops the load and keeps the session on screen.
 */
import { useId, useSyncExternalStore } from 'react';
import type { EventsLogLoading } from './eventsLogLoading';
import { formatBytes } from './eventsLogInput';
import './ReplayPanel.css';

/** `42% of 7.5 MB` (null fraction: the text is still being read or downloaded). */
function progressText(fraction: number | null, bytes: number | null): string {
  const size = bytes === null ? '' : ` of ${formatBytes(bytes)}`;
  if (fraction === null) return `opening${size}…`;
  return `${Math.floor(fraction * 100)}%${size}`;
}

/** Nothing when no log is loading. */
export function EventsLogProgress({ loading }: { loading: EventsLogLoading }) {
  const progress = useSyncExternalStore(loading.subscribe, loading.getProgress, () => null);
  const id = useId();
  if (!progress) return null;
  const { title, bytes, fraction } = progress;
  // Bytes when the size is known (characters read, scaled to it), else a fraction.
  const max = bytes ?? 1;
  const value = fraction === null ? undefined : Math.round(fraction * max * 1000) / 1000;
  return (
    <div className="replay-loading events-log-progress" role="group" aria-label="Loading an events log">
      <label htmlFor={id} className="events-log-progress__label">
        {`Reading ${title}`}
      </label>
      <progress id={id} className="events-log-progress__bar" max={max} {...(value === undefined ? {} : { value })} />
      <span className="events-log-progress__text" aria-hidden="true">
        {progressText(fraction, bytes)}
      </span>
      <button type="button" className="tool-button" onClick={loading.cancel}>
        Cancel
      </button>
    </div>
  );
}
