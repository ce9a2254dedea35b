/**
 * The embed's toolbar (controls=compact|full): story steps, the selected container's
 * commands, and the tools: Reset, Export PNG, Export SVG, Copy link. Read-only embeds
 * keep the story, export and link, but no commands and no Reset.
 */
import type { ComposeAction } from '../../machines';
import { StoryControls } from './components/StoryControls';
import type { EmbedView } from './embedController';
import type { ImageFormat } from './exportImage';
import { EmbedCommands } from './EmbedCommands';

/** Props of {@link EmbedToolbar}. */
export interface EmbedToolbarProps {
  view: EmbedView;
  onBack: () => void;
  onNext: () => void;
  onReset: () => void;
  onExport: (format: ImageFormat) => void;
  onCopyLink: () => void;
  onCompose: (action: ComposeAction) => void;
}

export function EmbedToolbar({ view, onBack, onNext, onReset, onExport, onCopyLink, onCompose }: EmbedToolbarProps) {
  const { options, story } = view;
  return (
    <div className="cl-toolbar" role="group" aria-label="Container lifecycle controls">
      {story ? <StoryControls story={story} onBack={onBack} onNext={onNext} /> : null}
      {options.readonly ? null : <EmbedCommands {...(options.controls === 'full' ? { onCompose } : {})} />}
      <div className="cl-toolbar__group cl-toolbar__tools">
        {options.readonly ? null : (
          <button type="button" className="cl-button" onClick={onReset} title="Back to the start; forgets the saved state">
            Reset
          </button>
        )}
        <button type="button" className="cl-button" onClick={() => onExport('png')} title="Download the current view as a PNG image">
          Export PNG
        </button>
        <button type="button" className="cl-button" onClick={() => onExport('svg')} title="Download the current view as an SVG image">
          Export SVG
        </button>
        <button type="button" className="cl-button" onClick={onCopyLink} title="Copy a link that opens this exact state">
          Copy link
        </button>
      </div>
    </div>
  );
}
