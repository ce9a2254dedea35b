/**
 * The save format: its tag, version and shape (parsed and validated by `persistence.ts`).
 * No zod here, so the runtime, and the package's entry, can import it.
 */
import type { ComposeAction } from './composeHost';
import type { ArchitectureSpec } from './spec';

export const SAVE_FORMAT = 'container-lifecycle/architecture';
export const SAVE_VERSION = 1;

/** What `Architecture.save()` returns. */
export interface SavedArchitecture {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  /** Unix ms. */
  savedAt: number;
  spec: ArchitectureSpec;
  /** `architectureActor.getPersistedSnapshot()`. */
  snapshot: unknown;
  /**
   * A `docker compose up` or `start` that was still running when the save was made (the
   * first view's up, say). XState cannot persist the run's timers, so restoring runs the
   * same command again: Compose converges from where the project is (what is up stays
   * up, the rest starts in dependency order), as typing it again would. Other runs
   * (`restart` would restart what it already restarted) are not resumed.
   */
  compose?: Extract<ComposeAction, 'up' | 'start'>;
}
