/**
 * Side-panel sections for the selected container's runtime: its restart policy (editable,
 * with the crash-loop back-off) and its health check. Renders nothing without a selection
 * or once the container was removed (a removed container has no policy to change).
 */
import { useSelector } from '@xstate/react';
import type { ContainerSnapshot } from '../../../machines';
import { useSelectedContainer } from '../../react/useSession';
import { HealthPanel } from './HealthPanel';
import { RestartPolicyEditor } from './RestartPolicyEditor';
import './runtime.css';

const selectRemoved = (s: ContainerSnapshot) => s.value === 'removed';

export function RuntimePanel() {
  const selected = useSelectedContainer();
  if (!selected) return null;
  return <SelectedRuntime key={selected.entry.id} selected={selected} />;
}

function SelectedRuntime({ selected }: { selected: NonNullable<ReturnType<typeof useSelectedContainer>> }) {
  const { entry, actor } = selected;
  const removed = useSelector(actor, selectRemoved);
  if (removed) return null;
  return (
    <div className="runtime-panel">
      <RestartPolicyEditor name={entry.name} actor={actor} />
      <HealthPanel name={entry.name} actor={actor} />
    </div>
  );
}
