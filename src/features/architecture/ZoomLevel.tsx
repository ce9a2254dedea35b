/**
 * Semantic zoom: writes the zoom level (`detail`, `overview`, `far`; see
 * `model/layout/nodeLabels.ts`) to `data-zoom-level` on the canvas element, and the CSS
 * (`SemanticZoom.css`) does the rest. One store subscription for the whole canvas whose
 * selector returns a string, so panning and zooming re-render nothing, and crossing a
 * level re-renders nothing either: only an attribute changes. Inside `<ReactFlow>`.
 */
import { useEffect, type RefObject } from 'react';
import { useStore } from '@xyflow/react';
import { zoomLevel } from '../../model/layout/nodeLabels';

export function ZoomLevel({ target }: { target: RefObject<HTMLElement | null> }) {
  const level = useStore((s) => zoomLevel(s.transform[2]));
  useEffect(() => {
    target.current?.setAttribute('data-zoom-level', level);
  }, [target, level]);
  return null;
}
