/**
 * The canvas's current fit options, shared by everything that fits the view (the first
 * fit, re-fits on resize, the Controls' fit button, the embed's `FitGuard`), so they all
 * agree: a big graph's fit keeps nodes clear of its minimap and search field. Render
 * inside `<ReactFlow>`.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { Controls, useStore, type FitViewOptions } from '@xyflow/react';
import { bigGraphFitOptions, FIT_VIEW_OPTIONS, type Size } from './fitViewOptions';

const FitOptionsContext = createContext<FitViewOptions>(FIT_VIEW_OPTIONS);

/** The fit options of the canvas around (small-graph options outside one). */
export function useFitViewOptions(): FitViewOptions {
  return useContext(FitOptionsContext);
}

/** Props of {@link FitOptions}. */
export interface FitOptionsProps {
  /** A big graph (minimap and search field shown). */
  big: boolean;
  /** The drawing's size, layout units. */
  drawing: Size;
  children: ReactNode;
}

/** Provides the fit options for the canvas's current size. */
export function FitOptions({ big, drawing, children }: FitOptionsProps) {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { width: drawingWidth, height: drawingHeight } = drawing;
  const options = useMemo(
    () => (big ? bigGraphFitOptions({ width, height }, { width: drawingWidth, height: drawingHeight }) : FIT_VIEW_OPTIONS),
    [big, width, height, drawingWidth, drawingHeight],
  );
  // Equal options keep their identity, so a resize that does not change them re-fits once (FitOnResize), not twice.
  const key = JSON.stringify(options);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `options`' content
  const stable = useMemo(() => options, [key]);
  return <FitOptionsContext value={stable}>{children}</FitOptionsContext>;
}

/** React Flow's zoom controls, fitting with the canvas's options. */
export function FitControls() {
  return <Controls showInteractive={false} fitViewOptions={useFitViewOptions()} />;
}
