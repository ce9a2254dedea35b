/**
 * Whether a control for `event` on the container `name` is enabled, and why not: the
 * architecture's answer (`Architecture.can` / `disabledReason`, from `architectureOutcome`,
 * the function `send` asks), so a button, the embed's command bar and the chart never
 * offer what the entry point would refuse (a pending stop, the mode, Docker's rules).
 * Re-renders when the container's pending stop starts or ends; the caller re-renders on
 * the container's own snapshot changes (it reads the snapshot).
 */
import type { ContainerEvent } from '../../machines';
import { usePending } from './usePending';
import { useArchitecture } from './useSession';

/** `{ enabled, reason }`: reason is null iff enabled. */
export function useCommandState(name: string, event: ContainerEvent): { enabled: boolean; reason: string | null } {
  const architecture = useArchitecture();
  usePending(name); // subscribes: a pending stop changes the answer without a snapshot change
  if (architecture.can(name, event)) return { enabled: true, reason: null };
  return { enabled: false, reason: architecture.disabledReason(name, event) ?? 'Docker would not change anything' };
}
