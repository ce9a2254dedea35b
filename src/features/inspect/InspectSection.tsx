/**
 * The "Inspect" toggle of the side panel. The panel itself (`InspectPanel`) is loaded
 * with `React.lazy` on first use, so it does not weigh on the first paint.
 */
import { lazy, Suspense, useId, useState } from 'react';
import { useSelectedContainer } from '../../react/useSession';
import './inspect.css';

const InspectPanel = lazy(() => import('./InspectPanel'));

export function InspectSection() {
  const selected = useSelectedContainer();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!selected) return null;
  return (
    <section className="inspect-section" aria-label="docker inspect">
      <button
        type="button"
        className="tool-button inspect-section__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Inspect
        <span className="inspect-section__cli" aria-hidden="true">
          docker inspect {selected.entry.name}
        </span>
      </button>
      <div id={panelId} hidden={!open}>
        {open ? (
          <Suspense fallback={<p className="inspect-section__loading">Loading the inspect panel…</p>}>
            <InspectPanel key={selected.entry.id} entry={selected.entry} actor={selected.actor} />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}
