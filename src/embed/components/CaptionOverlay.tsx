/**
 * The story's caption over the canvas: title, step number, what the step did, and
 * Docker's refusal when it refused. A polite live region, always present, so every
 * step is announced once.
 */
import { useEffect, useRef } from 'react';
import type { EmbedView } from '../embedController';

/** Props of {@link CaptionOverlay}. */
export interface CaptionOverlayProps {
  story: EmbedView['story'];
  /** Called with the space the caption takes at the bottom of the stage, px (0 when hidden). */
  onSpace?: (px: number) => void;
}

/** Gap between the caption and the stage's edges, px (see `.cl-caption`). */
const EDGE = 10;

export function CaptionOverlay({ story, onSpace }: CaptionOverlayProps) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = !!story && (!!story.caption || !!story.error);
  useEffect(() => {
    const el = ref.current;
    if (!el || !onSpace) return;
    const report = () => onSpace(el.offsetHeight > 0 ? Math.ceil(el.offsetHeight + 2 * EDGE) : 0);
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    return () => observer.disconnect();
  }, [onSpace]);
  // The live region is always there (a region that appears with its text is not always read).
  return (
    <div ref={ref} className="cl-caption" aria-live="polite" aria-atomic="true" data-step={story?.position}>
      {shown ? (
        <div className="cl-caption__box">
          <p className="cl-caption__step">
            {story.title} · {story.position === 0 ? 'Press → to begin' : `Step ${story.position} of ${story.length}`}
          </p>
          {story.caption ? <p className="cl-caption__text">{story.caption}</p> : null}
          {story.error ? <p className="cl-caption__error">Docker refused: {story.error}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
