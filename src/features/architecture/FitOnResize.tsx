/**
 * Keeps the whole architecture in view: `fitView` whenever the canvas changes size
 * (window resize, panels stacking). Must be rendered inside `<ReactFlow>`.
 */
import { useEffect } from 'react';
import { useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';

/** Options shared by the first fit and every re-fit. */
export const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1.15, minZoom: 0.2 } as const;

/** Renders nothing; re-fits the view on size changes. */
export function FitOnResize() {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const ready = useNodesInitialized();
  useEffect(() => {
    if (!ready || width === 0 || height === 0) return;
    const frame = requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
    return () => cancelAnimationFrame(frame);
  }, [fitView, ready, width, height]);
  useEffect(() => {
    const onResize = () => void fitView(FIT_VIEW_OPTIONS);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [fitView]);
  return null;
}
