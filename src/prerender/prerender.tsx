/**
 * The pages' first views as HTML, for the build (vite.prerender.ts puts them in
 * `index.html` and `embed.html`; the pages hydrate them, see src/react/startPage.tsx).
 * Node only (React's static renderer). The elements come from the pages' own boot code
 * (`bootApp`, `bootEmbed`) with an empty query string, so what is prerendered is what a
 * page without parameters renders first: the default scenario at simulated t=0 (the
 * clock does not run while rendering).
 */
import type { ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { bootApp } from '../app/bootApp';
import { appElement } from '../app/appElement';
import { bootEmbed } from '../embed/bootEmbed';
import { embedPageElement } from '../embed/embedPageElement';
import { pageTree } from '../react/startPage';

async function render(element: ReactNode): Promise<string> {
  // progressiveChunkSize: one finished document, no out-of-order boundaries (those need inline scripts).
  const { prelude } = await prerenderToNodeStream(element, { progressiveChunkSize: Number.POSITIVE_INFINITY });
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

/** The app page's first view (inside `#root`). */
export async function prerenderApp(): Promise<string> {
  const boot = bootApp('');
  boot.store.get().session.clock.halt();
  try {
    return await render(pageTree(appElement(boot)));
  } finally {
    boot.store.get().session.architecture.stop();
  }
}

/** The embed page's first view (inside `#root`). */
export async function prerenderEmbed(): Promise<string> {
  const boot = bootEmbed({ search: '', href: 'http://localhost/embed.html', hash: '', storage: null, framingPage: null });
  boot.controller.session.clock.halt();
  try {
    return await render(pageTree(embedPageElement(boot.controller, { shareUrl: () => '', forwardKey: () => undefined })));
  } finally {
    boot.controller.session.architecture.stop();
  }
}
