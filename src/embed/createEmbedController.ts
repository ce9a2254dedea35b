/**
 * Builds an embed controller for a page: the app's session store, the compose feature's
 * pure loader for `compose=`, localStorage, `fetch`. The one place the embed meets the
 * app shell and the compose feature.
 */
import { createSessionStore } from '../app/sessionStore';
import { EmbedController, type ComposeLoader, type EventsLoader } from './embedController';
import type { EmbedOptions } from './embedParams';
import { browserStorage, type KeyValueStorage } from './saves';
import { preloadLayoutEngine } from '../model/layout/architectureLayouts';

/** The compose feature's pure loader, loaded with the first compose file (it brings the YAML parser), and the layout engine. */
const loadCompose: ComposeLoader = async (text, url) => {
  preloadLayoutEngine();
  const { loadComposeText } = await import('../features/compose/loadCompose');
  const loaded = loadComposeText(text, { fileName: url });
  return loaded.ok ? { ok: true, source: loaded.source } : { ok: false, message: loaded.message };
};

/** The replay feature's loader, loaded with the first events log, and the layout engine. */
const loadEvents: EventsLoader = async (url) => {
  preloadLayoutEngine();
  const { fetchEventsLog } = await import('../features/replay/loadEventsLog');
  return fetchEventsLog(new URL(url));
};

export interface PageEmbedOptions {
  options: EmbedOptions;
  problems: readonly string[];
  /** The page (storage key); default `page.href`. */
  pageUrl?: string;
  /** Restore from `page.hash` (`#state=…`): the embed page does, elements do not. */
  readHash?: boolean;
  /** A custom element's id (storage key, message `target`). */
  embedId?: string | null;
}

/** What the controller reads from the page it runs in; `browserPage()` in a browser, a fixed one for the build's prerender. */
export interface EmbedPage {
  href: string;
  hash: string;
  storage: KeyValueStorage | null;
  /** The page framing this one (origin and path), so two decks embedding the same URL keep apart states; null when not framed. */
  framingPage: string | null;
}

function framingPage(): string | null {
  if (window.parent === window || !document.referrer) return null;
  try {
    const url = new URL(document.referrer);
    return url.origin + url.pathname;
  } catch {
    return null;
  }
}

/** The page this script runs in. */
export function browserPage(): EmbedPage {
  return { href: window.location.href, hash: window.location.hash, storage: browserStorage(window), framingPage: framingPage() };
}

export function createEmbedController({ options, problems, pageUrl, readHash = false, embedId = null }: PageEmbedOptions, page: EmbedPage = browserPage()): EmbedController {
  return new EmbedController(options, problems, {
    storageScope: page.framingPage,
    createStore: createSessionStore,
    pageUrl: pageUrl ?? page.href,
    storage: page.storage,
    stateHash: readHash ? page.hash : null,
    embedId,
    loadCompose,
    loadEvents,
  });
}
