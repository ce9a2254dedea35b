/**
 * Keeps the whole architecture in view: `fitView` whenever the canvas changes size
 * (window resize, panels stacking). Must be rendered inside `<ReactFlow>`.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';

/** Options shared by the first fit and every re-fit. */
export const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1.15, minZoom: 0.2 } as const;

/** Props of {@link FitOnResize}. */
export interface FitOnResizeProps {
  /** Changes whenever the drawing changes (a new layout after a scale): the view is fitted again. */
  fitKey?: string | number;
}

/** Renders nothing; re-fits the view on size changes and when `fitKey` changes. */
export function FitOnResize({ fitKey }: FitOnResizeProps = {}) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // Not gated on `useNodesInitialized()`: React Flow recomputes it only on the next nodes
  // update (it stays false after new nodes are measured), while a queued fitView waits
  // for the nodes to be measured by itself.
  useEffect(() => {
    if (width === 0 || height === 0) return;
    const frame = requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
    return () => cancelAnimationFrame(frame);
  }, [fitView, width, height]);
  // A new layout (a scale): fit again.
  const firstKey = useRef(fitKey);
  useEffect(() => {
    if (fitKey === firstKey.current) return;
    firstKey.current = undefined;
    const frame = requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
    return () => cancelAnimationFrame(frame);
  }, [fitView, fitKey]);
  useEffect(() => {
    const onResize = () => void fitView(FIT_VIEW_OPTIONS);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [fitView]);
  return null;
}
