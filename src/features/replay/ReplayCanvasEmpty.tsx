/**
 * What the canvas shows while a replay has met no container yet (a replay starts empty).
 * The canvas itself follows the replay: it re-lays out and re-fits when the log adds a
 * container (its layout follows `architecture.spec`).
 */
import { useContainerEntries } from '../../react/useSession';
import './ReplayPanel.css';

/** An overlay over the empty canvas of a replay; renders nothing once a container exists. */
export function ReplayCanvasEmpty() {
  const entries = useContainerEntries();
  if (entries.length > 0) return null;
  return (
    <div className="replay-empty">
      <p className="replay-empty__title">Waiting for the first container event…</p>
      <p className="replay-empty__hint">Press Step or Play: containers appear here as the log creates them.</p>
    </div>
  );
}

