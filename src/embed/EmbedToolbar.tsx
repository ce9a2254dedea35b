/**
 * The embed's toolbar (controls=compact|full): story steps, the selected container's
 * commands, and the tools: Reset, Export PNG, Export SVG, Copy link. Read-only embeds
 * keep the story, export and link, but no commands and no Reset. In a narrow widget
 * (`narrow`, e.g. an 800×500 frame) it is one compact row: the story's buttons shrink to
 * arrows and the tools go into a "More" menu, so the canvas keeps the height.
 */
import { useRef, type ReactNode } from 'react';
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
  /** One compact row (tools in a menu). */
  narrow?: boolean;
}

export function EmbedToolbar({ view, onBack, onNext, onReset, onExport, onCopyLink, onCompose, narrow = false }: EmbedToolbarProps) {
  const { options, story } = view;
  const tools = (
    <>
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
    </>
  );
  return (
    <div className={`cl-toolbar${narrow ? ' cl-toolbar--narrow' : ''}`} role="group" aria-label="Container lifecycle controls">
      {story ? <StoryControls story={story} onBack={onBack} onNext={onNext} compact={narrow} /> : null}
      {options.readonly ? null : <EmbedCommands {...(options.controls === 'full' ? { onCompose } : {})} />}
      {narrow ? <ToolsMenu>{tools}</ToolsMenu> : <div className="cl-toolbar__group cl-toolbar__tools">{tools}</div>}
    </div>
  );
}

/** The tools behind a "More" button; a choice closes it. */
function ToolsMenu({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details ref={ref} className="cl-toolbar__tools cl-menu">
      <summary className="cl-button" title="Reset, Export PNG, Export SVG, Copy link">
        More<span aria-hidden="true"> ▾</span>
      </summary>
      <div className="cl-menu__items" onClick={() => ref.current?.removeAttribute('open')}>
        {children}
      </div>
    </details>
  );
}
