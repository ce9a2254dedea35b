/** Arrow-head markers for dependency edges, one per edge tone (coloured by CSS). */
import type { EdgeTone } from './edgeTone';

const TONES: readonly EdgeTone[] = ['live', 'paused', 'cut', 'done', 'waiting'];

/** The marker id for a tone, for `markerEnd="url(#…)"`. */
export function markerId(tone: EdgeTone): string {
  return `container-lifecycle-arrow-${tone}`;
}

/** A zero-size SVG holding the markers; render once next to the canvas. */
export function EdgeMarkers() {
  return (
    <svg className="edge-markers" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {TONES.map((tone) => (
          <marker
            key={tone}
            id={markerId(tone)}
            className={`edge-marker edge-marker--${tone}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="11"
            markerHeight="11"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
