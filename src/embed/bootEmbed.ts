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
   * Whether the first view is the prerendered one (embed.html's markup): no parameters,
   * no state link and nothing restored or loaded first. Otherwise the page renders afresh.
   */
  prerendered: boolean;
}

/** The embed page's starting state for `page` (`browserPage()`: this window's). */
export function bootEmbed(page: EmbedPage & { search: string } = { ...browserPage(), search: window.location.search }): EmbedBoot {
  const { options, problems } = parseEmbedParams(page.search, { baseUrl: page.href });
  const controller = createEmbedController({ options, problems, readHash: true }, page);
  return { controller, prerendered: page.search === '' && controller.firstView === null };
}
