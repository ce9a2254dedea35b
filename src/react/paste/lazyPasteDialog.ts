/**
 * The paste dialog as a chunk of its own: the pages show it only when asked (Paste, .env),
 * so it is not part of their first load. `preload()` once the page is idle, so the first
 * click opens it at once; render it under a `Suspense` (the dialog is modal and out of the
 * page's flow: nothing moves while it loads).
 */
import { preloadable } from '../loadLater';

export const lazyPasteDialog = preloadable(() => import('./PasteDialog').then((m) => m.PasteDialog));
