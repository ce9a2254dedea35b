/**
 * Entry point of `embed.html`: the chromeless widget filling the frame, configured by
 * URL parameters (README "Embedding"), driven by postMessage from the page's own origin
 * and the `allow-origins` listed ones (docs/contracts.md §5).
 */
import { applyTheme } from '../app/theme';
import { pageRoot } from '../react/startPage';
import { attachMessageBridge } from './messageBridge';
import { bootEmbed } from './bootEmbed';
import { embedPageElement } from './embedPageElement';
import '../app/theme.css';
import './embedPage.css';

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root element');

const { controller, prerendered } = bootEmbed();
// The build prerendered the page without parameters (src/prerender): that one hydrates.
const page = pageRoot(root, prerendered);
const { options } = controller;
applyTheme(document.documentElement, options.theme === 'auto' ? 'system' : options.theme);

const bridge = attachMessageBridge({
  window,
  target: controller,
  allowOrigins: () => controller.options.allowOrigins,
  onChange: (listener) => controller.onChange(listener),
  read: () => controller.getState(),
  ready: controller.ready,
  onSlide: (state) => {
    if (state === 'start') return controller.slideStart();
    controller.slideStop();
    // A control focused on a hidden slide would keep the deck's keys (arrows move between nodes).
    (document.activeElement as HTMLElement | null)?.blur?.();
  },
});
window.addEventListener('pagehide', () => controller.saveNow());
// A state link opened in this same page changes only the hash: restore it too.
window.addEventListener('hashchange', () => void controller.restoreLink(window.location.hash));

/** The embed page itself, without the state hash. */
const shareUrl = () => {
  const url = new URL(window.location.href);
  url.hash = '';
  return url.href;
};

const mount = () =>
  page.mount(embedPageElement(controller, { shareUrl, forwardKey: (key, shiftKey) => void bridge.forwardKey(key, shiftKey) }), controller.session.clock);
// A save to restore (a revisited slide, a `#state=` link) or a story: their chunks first,
// so the page does not show the start state, or no story, for a moment. Otherwise at once.
if (controller.firstView) void controller.firstView.then(mount);
else mount();
