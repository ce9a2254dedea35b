/** The embed page's React tree for a controller: the same for the page and for the build's prerender. */
import { StrictMode, type ReactElement } from 'react';
import type { EmbedController } from './embedController';
import { EmbedWidget } from './EmbedWidget';

export interface EmbedPageHandlers {
  /** The page "Copy link" points to (without the state hash). */
  shareUrl: () => string;
  /** Posts an unused navigation key to the parent frame. */
  forwardKey: (key: string, shiftKey: boolean) => void;
}

export function embedPageElement(controller: EmbedController, { shareUrl, forwardKey }: EmbedPageHandlers): ReactElement {
  return (
    <StrictMode>
      <EmbedWidget controller={controller} mode="page" shareUrl={shareUrl} forwardKey={forwardKey} />
    </StrictMode>
  );
}
