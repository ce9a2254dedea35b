/**
 * Keeps the whole architecture in view through a slide's life: created hidden or at zero
 * size and shown later (IntersectionObserver), resized (ResizeObserver on the stage),
 * fullscreen, print / PDF (`beforeprint` and the `print` media query), and a tab shown
 * again. Must be rendered inside the canvas (`<ArchitectureCanvas>`'s children), whose fit
 * options it uses: a big graph fits as in the app. `FitOnResize` covers size changes of
 * its wrapper; this adds the rest.
 */
import { useContext, useEffect, type RefObject } from 'react';
import { useNodesInitialized, useReactFlow, useUpdateNodeInternals } from '@xyflow/react';
import { useFitViewOptions } from '../features/architecture/FitOptions';
import { OuterScaleContext } from './ScaleFrame';

/** Props of {@link FitGuard}. */
export interface FitGuardProps {
  /** The element the canvas fills (observed for size and visibility). */
  stageRef: RefObject<HTMLElement | null>;
  /** Changes whenever the view must be fitted again (a story step, an attribute change). */
  fitKey?: string | number;
}

export function FitGuard({ stageRef, fitKey }: FitGuardProps) {
  const { fitView, getNodes } = useReactFlow();
  // The canvas's own options (a big graph's keep nodes clear of its minimap and search field).
  const options = useFitViewOptions();
  const ready = useNodesInitialized();
  const scale = useContext(OuterScaleContext);
  const updateNodeInternals = useUpdateNodeInternals();

  // The page's scale changed (the deck was resized): handle positions were measured
  // under the old compensation; measure them again, then fit.
  useEffect(() => {
    if (!ready) return;
    updateNodeInternals(getNodes().map((n) => n.id));
    const frame = requestAnimationFrame(() => void fitView(options));
    return () => cancelAnimationFrame(frame);
  }, [scale, ready, getNodes, updateNodeInternals, fitView, options]);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || !ready) return;
    const win = stage.ownerDocument.defaultView ?? window;
    let frame = 0;
    const fit = () => {
      win.cancelAnimationFrame(frame);
      frame = win.requestAnimationFrame(() => {
        if (stage.clientWidth > 0 && stage.clientHeight > 0) void fitView(options);
      });
    };
    const fitNow = () => {
      if (stage.clientWidth > 0 && stage.clientHeight > 0) void fitView(options);
    };
    fit();
    const resize = new ResizeObserver(fit);
    resize.observe(stage);
    const visible = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) fit();
    });
    visible.observe(stage);
    const print = win.matchMedia?.('print');
    const onPrintChange = () => fitNow();
    print?.addEventListener?.('change', onPrintChange);
    const onVisibility = () => {
      if (stage.ownerDocument.visibilityState === 'visible') fit();
    };
    win.addEventListener('beforeprint', fitNow);
    win.addEventListener('afterprint', fit);
    stage.ownerDocument.addEventListener('fullscreenchange', fit);
    stage.ownerDocument.addEventListener('visibilitychange', onVisibility);
    return () => {
      win.cancelAnimationFrame(frame);
      resize.disconnect();
      visible.disconnect();
      print?.removeEventListener?.('change', onPrintChange);
      win.removeEventListener('beforeprint', fitNow);
      win.removeEventListener('afterprint', fit);
      stage.ownerDocument.removeEventListener('fullscreenchange', fit);
      stage.ownerDocument.removeEventListener('visibilitychange', onVisibility);
    };
  }, [fitView, options, ready, stageRef, fitKey]);

  return null;
}
