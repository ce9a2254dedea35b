/** Previous / next step buttons and the position of the story (the keys do the same). */
import type { EmbedView } from '../embedController';

/** Props of {@link StoryControls}. */
export interface StoryControlsProps {
  story: NonNullable<EmbedView['story']>;
  onBack: () => void;
  onNext: () => void;
  /** Arrows only (a narrow widget); the buttons keep their names. */
  compact?: boolean;
}

export function StoryControls({ story, onBack, onNext, compact = false }: StoryControlsProps) {
  return (
    <div className="cl-story" role="group" aria-label={`Story: ${story.title}`}>
      <button type="button" className="cl-button" onClick={onBack} disabled={story.position === 0} aria-keyshortcuts="ArrowLeft PageUp" title="Previous step (←)">
        <span aria-hidden="true">◀{compact ? '' : ' '}</span>
        {compact ? <span className="visually-hidden">Previous step</span> : 'Previous step'}
      </button>
      <span className="cl-story__position" aria-label={`Step ${story.position} of ${story.length}`}>
        {story.position}/{story.length}
      </span>
      <button
        type="button"
        className="cl-button cl-button--primary"
        onClick={onNext}
        disabled={story.position >= story.length}
        aria-keyshortcuts="ArrowRight Space PageDown"
        title="Next step (→)"
      >
        {compact ? <span className="visually-hidden">Next step</span> : 'Next step'}
        <span aria-hidden="true">{compact ? '' : ' '}▶</span>
      </button>
    </div>
  );
}
