/** Keeps the restart-policy notes of `architecture`'s log up to date (see `trackRestartNotes`). */
import { useEffect } from 'react';
import type { Architecture } from '../../../machines';
import { trackRestartNotes } from './restartNotes';

/** Follows the log while mounted. Call it before `useLog` so new entries are marked before they render. */
export function useRestartNotes(architecture: Architecture): void {
  useEffect(() => trackRestartNotes(architecture), [architecture]);
}
