/**
 * Undoes the page's CSS scaling around the canvas (reveal.js scales its slides with
 * `transform: scale()`). React Flow measures its handles with `getBoundingClientRect`,
 * which includes outer transforms: under `scale(0.69)` an edge began 0.69 of the way
 * across its node (hidden under it) and off its vertical centre. Here the canvas is laid
 * out at its on-screen size and scaled back by 1/s, so the net transform is the identity
 * and every measurement is exact; the box on screen is unchanged, and the toolbar and
 * caption still scale with the slide. Clicks land where the pointer is. In an iframe
 * (the embed page) the outer scale is invisible and this does nothing.
 */
import { createContext, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useHydrating } from '../react/useHydrating';

interface Box {
  scale: number;
  width: number;
  height: number;
}

/** The page's scale the canvas is compensated for (React Flow re-measures its nodes when it changes). */
export const OuterScaleContext = createContext(1);

/** The scale the page applies to `element` (1 when hidden or unscaled). */
function outerScale(element: HTMLElement): number {
  const width = element.offsetWidth;
  if (width === 0) return 1;
  const scale = element.getBoundingClientRect().width / width;
  return !Number.isFinite(scale) || scale <= 0 || Math.abs(scale - 1) < 0.005 ? 1 : scale;
}

/** The inner box of a frame with nothing to undo. */
const UNSCALED: CSSProperties = { position: 'absolute', inset: 0 };

/**
 * Fills its parent; its children are laid out at screen size under a counter-scale. They
 * are rendered only once the box has a size (a slide created hidden mounts the canvas
 * when it is shown), so React Flow's first measurement is already compensated; but in
 * the embed page's prerendered first view (a frame: nothing to undo) they are rendered
 * unscaled at once, and hydrate so.
 */
export function ScaleFrame({ children }: { children: ReactNode }) {
  const hydrating = useHydrating();
  const outerRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Box>({ scale: 1, width: 0, height: 0 });

  useLayoutEffect(() => {
    const outer = outerRef.current;
    if (!outer) return;
    const win = outer.ownerDocument.defaultView ?? window;
    let frame = 0;
    const measure = () => {
      const width = outer.offsetWidth;
      const height = outer.offsetHeight;
      if (width === 0 || height === 0) return;
      const scale = outerScale(outer);
      setBox((prev) => (prev.scale === scale && prev.width === width && prev.height === height ? prev : { scale, width, height }));
    };
    // After the page's own resize handler (reveal.js re-scales on resize).
    const later = () => {
      win.cancelAnimationFrame(frame);
      frame = win.requestAnimationFrame(measure);
    };
    measure();
    const resize = new ResizeObserver(later);
    resize.observe(outer);
    const visible = new IntersectionObserver(later);
    visible.observe(outer);
    win.addEventListener('resize', later);
    outer.addEventListener('pointerenter', measure);
    outer.addEventListener('focusin', measure);
    return () => {
      win.cancelAnimationFrame(frame);
      resize.disconnect();
      visible.disconnect();
      win.removeEventListener('resize', later);
      outer.removeEventListener('pointerenter', measure);
      outer.removeEventListener('focusin', measure);
    };
  }, []);

  const inner: CSSProperties =
    box.scale === 1
      ? UNSCALED
      : {
          position: 'absolute',
          top: 0,
          left: 0,
          width: box.width * box.scale,
          height: box.height * box.scale,
          transform: `scale(${1 / box.scale})`,
          transformOrigin: '0 0',
        };
  return (
    <div ref={outerRef} className="cl-scale" data-outer-scale={box.scale === 1 ? undefined : box.scale.toFixed(3)}>
      {box.width > 0 || hydrating ? (
        <div className="cl-scale__inner" style={inner}>
          <OuterScaleContext value={box.scale}>{children}</OuterScaleContext>
        </div>
      ) : null}
    </div>
  );
}
