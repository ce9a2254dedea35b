/** How a dependency edge looks for its target's status. Pure. */
import type { DockerStatus } from '../../../machines';

/** `live`: the call works; `paused`: it hangs (frozen target); `cut`: nothing answers. */
export type EdgeTone = 'live' | 'paused' | 'cut';

export function edgeTone(status: DockerStatus): EdgeTone {
  if (status === 'running') return 'live';
  if (status === 'paused') return 'paused';
  return 'cut';
}

/** The short word drawn on a broken edge (the title says the whole reason). */
export function edgeWord(status: DockerStatus): string {
  return status === 'paused' ? 'hangs' : 'cut';
}
