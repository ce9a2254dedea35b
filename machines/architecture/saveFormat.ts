/**
 * The save format: its tag, version and shape (parsed and validated by `persistence.ts`).
 * No zod here, so the runtime, and the package's entry, can import it.
 */
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
}
