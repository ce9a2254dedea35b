/**
 * Arrow-key navigation between container nodes: moves focus to the nearest container in
 * the key's direction. Reads node positions from React Flow's store when the key is
 * pressed (no subscription, so no re-render).
 */
import { useCallback, type KeyboardEvent } from 'react';
import { useStoreApi } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../model/layout/layoutGeometry';
import { directionOfKey, nearestInDirection } from '../../model/layout/nearestInDirection';

function centerOf(position: { x: number; y: number }) {
  return { x: position.x + NODE_WIDTH / 2, y: position.y + NODE_HEIGHT / 2 };
}

/** A keydown handler for the node `id`; returns true when it handled the key. */
export function useFocusNeighbour(id: string): (event: KeyboardEvent<HTMLElement>) => boolean {
  const store = useStoreApi();
  return useCallback(
    (event) => {
      const direction = directionOfKey(event.key);
      if (!direction) return false;
      const { nodes } = store.getState();
      const self = nodes.find((n) => n.id === id);
      if (!self) return false;
      const others = nodes.filter((n) => n.id !== id && n.type === 'container').map((n) => ({ id: n.id, center: centerOf(n.position) }));
      const next = nearestInDirection(centerOf(self.position), direction, others);
      event.preventDefault();
      if (!next) return true;
      const scope = event.currentTarget.closest('.react-flow') ?? document;
      scope.querySelector<HTMLElement>(`[data-container="${CSS.escape(next)}"]`)?.focus();
      return true;
    },
    [store, id],
  );
}
