/**
 * Keeps the whole architecture in view: `fitView` whenever the canvas changes size
 * (window resize, panels stacking) or its fit options change. Must be rendered inside
 * `<ReactFlow>` (and inside `FitOptions` for a big graph's options).
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import { useFitViewOptions } from './FitOptions';

/** Props of {@link FitOnResize}. */
export interface FitOnResizeProps {
  /** Changes whenever the drawing changes (a new layout after a scale): the view is fitted again. */
  fitKey?: string | number;
}

/** Renders nothing; re-fits the view on size changes and when `fitKey` changes. */
export function FitOnResize({ fitKey }: FitOnResizeProps = {}) {
  const { fitView } = useReactFlow();
  const options = useFitViewOptions();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // Not gated on `useNodesInitialized()`: React Flow recomputes it only on the next nodes
  // update (it stays false after new nodes are measured), while a queued fitView waits
  // for the nodes to be measured by itself.
  useEffect(() => {
    if (width === 0 || height === 0) return;
    const frame = requestAnimationFrame(() => void fitView(options));
    return () => cancelAnimationFrame(frame);
  }, [fitView, options, width, height]);
  // A new layout (a scale): fit again.
  const firstKey = useRef(fitKey);
  useEffect(() => {
    if (fitKey === firstKey.current) return;
    firstKey.current = undefined;
    const frame = requestAnimationFrame(() => void fitView(options));
    return () => cancelAnimationFrame(frame);
  }, [fitView, options, fitKey]);
  useEffect(() => {
    const onResize = () => void fitView(options);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [fitView, options]);
  return null;
}
