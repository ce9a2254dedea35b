/**
 * The pages' first views as HTML, for the build (vite.prerender.ts puts them in
 * `index.html` and `embed.html`; the pages hydrate them, see src/react/startPage.tsx).
 * Node only (React's static renderer). The elements come from the pages' own boot code
 * (`bootApp`, `bootEmbed`) with the query string of each view, so what is prerendered is
 * what that page renders first: the default scenario at simulated t=0 (the clock does not
 * run while rendering), and on the embed page also each built-in story at its first step
 * (`?story=<id>`, picked before the scripts run by `pickView`).
 */
import type { ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { bootApp } from '../app/bootApp';
import { appElement } from '../app/appElement';
import { bootEmbed } from '../embed/bootEmbed';
import { embedPageElement } from '../embed/embedPageElement';
import { BUILTIN_STORY_IDS } from '../embed/stories/storyIds';
import { pageTree } from '../react/startPage';

export { pickView } from './pickView';

/** One prerendered first view of a page. */
export interface PrerenderedView {
  /** The query string it is the first view of, without `?` (`''`: the page without parameters, `story=typical-flow`). */
  search: string;
  /** The markup inside `#root`. */
  html: string;
}

async function render(element: ReactNode): Promise<string> {
  // progressiveChunkSize: one finished document, no out-of-order boundaries (those need inline scripts).
  const { prelude } = await prerenderToNodeStream(element, { progressiveChunkSize: Number.POSITIVE_INFINITY });
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

/** The app page's first view (inside `#root`): the page without parameters only. */
export async function prerenderApp(): Promise<PrerenderedView[]> {
  const boot = bootApp('');
  boot.store.get().session.clock.halt();
  try {
    return [{ search: '', html: await render(pageTree(appElement(boot))) }];
  } finally {
    boot.store.get().session.architecture.stop();
  }
}

async function embedView(search: string): Promise<PrerenderedView> {
  const query = search ? `?${search}` : '';
  const boot = bootEmbed({ search: query, href: `http://localhost/embed.html${query}`, hash: '', storage: null, framingPage: null });
  const { controller } = boot;
  if (boot.prerenderedView !== search) throw new Error(`embed.html?${search} does not start from its prerendered view`);
  controller.session.clock.halt();
  // A story loads its chunk and goes to its first step (a fresh session: halted again).
  await controller.ready;
  controller.session.clock.halt();
  try {
    return { search, html: await render(pageTree(embedPageElement(controller, { shareUrl: () => '', forwardKey: () => undefined }))) };
  } finally {
    controller.session.architecture.stop();
  }
}

/** The embed page's first views: without parameters (inside `#root`), and each built-in story's (`story=<id>`). */
export async function prerenderEmbed(): Promise<PrerenderedView[]> {
  const views: PrerenderedView[] = [];
  for (const search of ['', ...BUILTIN_STORY_IDS.map((id) => `story=${encodeURIComponent(id)}`)]) views.push(await embedView(search));
  return views;
}
