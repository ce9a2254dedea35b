/**
 * The embed page's starting state from its URL: options and problems from the query
 * string, the controller (session, story, saves). One function for the page
 * (embedMain.tsx) and for the build's prerender (src/prerender), so the prerendered first
 * view is the one that hydrates.
 */
import { browserPage, createEmbedController, type EmbedPage } from './createEmbedController';
import type { EmbedController } from './embedController';
import { parseEmbedParams } from './embedParams';

export interface EmbedBoot {
  controller: EmbedController;
  /**
   * The prerendered view the first view is (the query string without `?`: `''`, or
   * `story=<id>`; the build prerenders those, src/prerender), or null when a state link or
   * a save is restored first. The page hydrates the markup only when it is that view.
   */
  prerenderedView: string | null;
}

/** The embed page's starting state for `page` (`browserPage()`: this window's). */
export function bootEmbed(page: EmbedPage & { search: string } = { ...browserPage(), search: window.location.search }): EmbedBoot {
  const { options, problems } = parseEmbedParams(page.search, { baseUrl: page.href });
  const controller = createEmbedController({ options, problems, readHash: true }, page);
  return { controller, prerenderedView: controller.restoresSave ? null : page.search.replace(/^\?/, '') };
}
