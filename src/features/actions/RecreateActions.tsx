/**
 * For a removed container: `docker create` (a new container, new ID, state Created) or
 * `docker run -d` (create, then start) in the same service slot.
 */
import type { MouseEvent, Ref } from 'react';
import { useArchitecture } from '../../react/useSession';

/**
 * The new container gets a new panel (its own ID), so the focused button disappears:
 * put focus on its first enabled command (Start) when it fell to nothing.
 */
function focusNewPanel(event: MouseEvent<HTMLButtonElement>): void {
  const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
  const doc = event.currentTarget.ownerDocument;
  requestAnimationFrame(() => {
    if (doc.activeElement !== null && doc.activeElement !== doc.body) return;
    root.querySelector<HTMLButtonElement>('.action-panel .command-list .command__button:not(:disabled)')?.focus();
  });
}

/** Props of {@link RecreateActions}. */
export interface RecreateActionsProps {
  service: string;
  /** 1-based replica of the slot. */
  replica: number;
  image: string;
  name: string;
  /** Receives the Create button (to move focus there after a removal). */
  createRef?: Ref<HTMLButtonElement>;
}

/** The Create / Run buttons. */
export function RecreateActions({ service, replica, image, name, createRef }: RecreateActionsProps) {
  const architecture = useArchitecture();
  return (
    <section className="recreate" aria-labelledby="recreate-title">
      <h3 id="recreate-title" className="panel-subtitle">
        This container no longer exists
      </h3>
      <p className="recreate__text">Make a new one from the same image. It gets a new ID; its writable layer starts empty.</p>
      <div className="recreate__buttons">
        <button
          ref={createRef}
          type="button"
          className="command__button command__button--primary"
          onClick={(e) => {
            architecture.create(service, replica);
            focusNewPanel(e);
          }}
        >
          Create
        </button>
        <code className="command__note">docker create --name {name} {image}</code>
        <button
          type="button"
          className="command__button command__button--primary"
          onClick={(e) => {
            architecture.run(service, replica);
            focusNewPanel(e);
          }}
        >
          Run
        </button>
        <code className="command__note">docker run -d --name {name} {image}</code>
      </div>
    </section>
  );
}
