/**
 * The reveal.js plugin (docs/contracts.md §6): on the current slide, a widget with a story
 * (an iframe of `embed.html?story=…` or a `<container-lifecycle story=…>`) takes
 * → / PageDown / Space / N as its next step and ← / PageUp / P as its previous one, like
 * fragments, whether or not focus is inside it; past the story's ends the deck moves. So
 * a presenter with only a clicker (PageDown / PageUp) tells the whole story. Elements also
 * hear slide entry and exit (iframes get reveal.js's own `slide:start` / `slide:stop`):
 * the clock stands still while hidden, and `reset-on-enter` starts the story over.
 *
 *   import ContainerLifecycleReveal from 'container-lifecycle/reveal';
 *   Reveal.initialize({ plugins: [ContainerLifecycleReveal] });
 *
 * or `<script src="…/container-lifecycle-reveal.js">` (defines the global
 * `ContainerLifecycleReveal`). No React and no widget code: iframes are driven with the
 * embed's postMessage protocol (§5; a cross-origin embed lists the deck in `allow-origins`),
 * elements through their methods.
 */
import { storyDirection } from '../embed/keyboard';

/** The part of reveal.js's API the plugin uses. */
export interface RevealDeck {
  getCurrentSlide(): HTMLElement | undefined | null;
  getRevealElement?(): HTMLElement | undefined | null;
  next(): void;
  prev(): void;
  isOverview?(): boolean;
  isPaused?(): boolean;
  isReady?(): boolean;
  on(type: string, listener: (event: Event & { currentSlide?: HTMLElement; previousSlide?: HTMLElement }) => void): void;
  off(type: string, listener: (event: Event) => void): void;
}

export interface RevealPlugin {
  id: string;
  init(deck: RevealDeck): void;
  destroy(): void;
}

/** What the plugin calls on a `<container-lifecycle>` (see `src/embed/element.tsx`). */
interface ElementWidget extends HTMLElement {
  step?(): { ok: boolean };
  back?(): { ok: boolean };
  slideStart?(): void;
  slideStop?(): void;
  controller?: { ready: Promise<void> } | null;
}


const SOURCE = 'container-lifecycle';
const ELEMENT = 'container-lifecycle';
/** How long a frame may take to load and answer before the deck moves without it, ms. */
const FRAME_TIMEOUT_MS = 5000;
/** Interval of "are you there" pings while a frame loads, ms. */
const PING_MS = 100;

/** An iframe showing the embed page with a story (`embed.html?story=…`, or marked `data-container-lifecycle`). */
function isStoryFrame(frame: HTMLIFrameElement): boolean {
  const src = frame.getAttribute('src') || frame.getAttribute('data-src');
  if (!src) return false;
  try {
    const url = new URL(src, frame.ownerDocument.baseURI);
    return (url.pathname.endsWith('/embed.html') || frame.hasAttribute('data-container-lifecycle')) && url.searchParams.has('story');
  } catch {
    return false;
  }
}

/** The widgets with a story on a slide, in document order. */
function storyWidgets(slide: Element | null | undefined): Array<HTMLIFrameElement | ElementWidget> {
  if (!slide) return [];
  return [...slide.querySelectorAll<HTMLElement>(`iframe, ${ELEMENT}`)].filter((el) =>
    el instanceof HTMLIFrameElement ? isStoryFrame(el) : el.hasAttribute('story'),
  ) as Array<HTMLIFrameElement | ElementWidget>;
}

function isTyping(event: KeyboardEvent): boolean {
  const origin = event.composedPath()[0];
  if (!(origin instanceof HTMLElement)) return false;
  return origin.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(origin.tagName);
}

function frameOrigin(frame: HTMLIFrameElement): string {
  try {
    return new URL(frame.src, frame.ownerDocument.baseURI).origin;
  } catch {
    return '*';
  }
}

/** Creates the plugin (reveal.js calls a function plugin to get its instance). */
export default function ContainerLifecycleReveal(): RevealPlugin {
  let deck: RevealDeck | null = null;
  let ids = 0;
  const pending = new Map<string, { frame: HTMLIFrameElement; resolve: (ok: boolean | null) => void }>();
  /** Key presses are handled one after the other (a clicker pressed twice quickly takes two steps). */
  let queue: Promise<void> = Promise.resolve();

  /** Posts a message with an id to a frame; resolves with the reply's `ok`, or null without a reply in `ms`. */
  const ask = (frame: HTMLIFrameElement, type: 'step' | 'back' | 'getState', ms: number): Promise<boolean | null> =>
    new Promise((resolve) => {
      const id = `cl-reveal-${++ids}`;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, ms);
      pending.set(id, {
        frame,
        resolve: (ok) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(ok);
        },
      });
      frame.contentWindow?.postMessage({ source: SOURCE, type, id }, frameOrigin(frame));
    });

  /** Waits until the frame's embed answers (it may still be loading: reveal.js loads `data-src` frames late). */
  const ready = async (frame: HTMLIFrameElement): Promise<boolean> => {
    const until = Date.now() + FRAME_TIMEOUT_MS;
    while (Date.now() < until) {
      if ((await ask(frame, 'getState', PING_MS)) !== null) return true;
    }
    return false;
  };

  /** Takes one story step in `widget`; false when there is none to take (the deck moves). */
  const drive = async (widget: HTMLIFrameElement | ElementWidget, direction: 'step' | 'back'): Promise<boolean> => {
    if (widget instanceof HTMLIFrameElement) {
      if (!(await ready(widget))) return false;
      return (await ask(widget, direction, FRAME_TIMEOUT_MS)) === true;
    }
    await customElements.whenDefined(ELEMENT);
    await widget.controller?.ready;
    const result = direction === 'step' ? widget.step?.() : widget.back?.();
    return result?.ok === true;
  };

  const onMessage = (event: MessageEvent) => {
    const data = event.data as { source?: unknown; type?: unknown; id?: unknown; ok?: unknown } | null;
    if (!data || typeof data !== 'object' || data.source !== SOURCE || data.type !== 'reply' || typeof data.id !== 'string') return;
    const waiting = pending.get(data.id);
    if (waiting && event.source === waiting.frame.contentWindow) waiting.resolve(data.ok === true);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!deck || event.defaultPrevented || event.isComposing) return;
    const direction = storyDirection(event);
    if (!direction || isTyping(event)) return;
    if (deck.isOverview?.() || deck.isPaused?.()) return;
    // Focus inside an element: the widget's own rule decides, and lets unused keys bubble to the deck.
    if (event.composedPath().some((node) => node instanceof Element && node.localName === ELEMENT)) return;
    const widget = storyWidgets(deck.getCurrentSlide())[0];
    if (!widget) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const current = deck;
    const slide = current.getCurrentSlide();
    queue = queue
      .then(() => drive(widget, direction))
      .catch(() => false)
      .then((took) => {
        // Moved meanwhile (a frame slow to answer, the presenter jumped): that press is stale.
        if (took || current.getCurrentSlide() !== slide) return;
        if (direction === 'step') current.next();
        else current.prev();
      });
  };

  /** Tells the elements of the slides left and entered (iframes hear reveal.js itself). */
  const onSlideChanged = (event: { currentSlide?: HTMLElement; previousSlide?: HTMLElement }) => {
    // A frame focused on the slide just left keeps every key (reveal.js empties a data-src
    // frame: the keys then go nowhere and a presenter with a clicker is stuck): the deck takes them back.
    const focused = document.activeElement;
    if (focused instanceof HTMLIFrameElement && event.previousSlide?.contains(focused)) {
      focused.blur();
      window.focus();
    }
    for (const el of event.previousSlide?.querySelectorAll<ElementWidget>(ELEMENT) ?? []) el.slideStop?.();
    for (const el of event.currentSlide?.querySelectorAll<ElementWidget>(ELEMENT) ?? []) el.slideStart?.();
  };

  const onReady = (event: { currentSlide?: HTMLElement }) => {
    const root = deck?.getRevealElement?.() ?? document;
    for (const el of root.querySelectorAll<ElementWidget>(ELEMENT)) {
      if (event.currentSlide?.contains(el)) el.slideStart?.();
      else el.slideStop?.();
    }
  };

  return {
    id: 'container-lifecycle',
    init(revealDeck) {
      deck = revealDeck;
      window.addEventListener('keydown', onKeyDown, true);
      window.addEventListener('message', onMessage);
      deck.on('slidechanged', onSlideChanged as (event: Event) => void);
      deck.on('ready', onReady as (event: Event) => void);
    },
    destroy() {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('message', onMessage);
      deck?.off('slidechanged', onSlideChanged as (event: Event) => void);
      deck?.off('ready', onReady as (event: Event) => void);
      for (const waiting of pending.values()) waiting.resolve(null);
      deck = null;
    },
  };
}
