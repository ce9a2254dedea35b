/**
 * Keeps the whole architecture in view: `fitView` whenever the canvas changes size
 * (window resize, panels stacking). Must be rendered inside `<ReactFlow>`.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type FitViewOptions } from '@xyflow/react';

/** Options shared by the first fit and every re-fit. */
export const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.06, maxZoom: 1.15, minZoom: 0.2 };
/** A big graph's: room at the top for the project label and the search field. */
export const FIT_VIEW_OPTIONS_BIG: FitViewOptions = { padding: { top: '52px', right: '2%', bottom: '2%', left: '2%' }, maxZoom: 1.15, minZoom: 0.2 };

/** Props of {@link FitOnResize}. */
export interface FitOnResizeProps {
  /** fitView options. Default `FIT_VIEW_OPTIONS`. */
  options?: FitViewOptions;
  /** Changes whenever the drawing changes (a new layout after a scale): the view is fitted again. */
  fitKey?: string | number;
}

/** Renders nothing; re-fits the view on size changes and when `fitKey` changes. */
export function FitOnResize({ fitKey, options = FIT_VIEW_OPTIONS }: FitOnResizeProps = {}) {
  const { fitView } = useReactFlow();
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
