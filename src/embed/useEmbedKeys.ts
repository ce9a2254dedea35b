/**
 * Installs the deck keyboard rule (see `keyboard.ts`): story keys and
 * Escape in the capture phase (before the canvas's own keys), then, for the embed page
 * in a frame, forwards navigation keys nobody used to the parent. Space never presses a
 * focused button in an embed (its click comes on keyup, which is cancelled), so Space
 * does what → does in both embeds.
 */
import { useEffect, type RefObject } from 'react';
import type { EmbedController } from './embedController';
import { decideKey, focusKind, isNavigationKey } from './keyboard';
import { keepFocus, releaseFocus } from './focus';

export interface EmbedKeysOptions {
  controller: EmbedController;
  rootRef: RefObject<HTMLElement | null>;
  /** `page`: keys of the whole document (embed.html); `shadow`: keys inside the widget only. */
  mode: 'page' | 'shadow';
  /** Posts an unused key to the parent frame (embed page only). */
  forwardKey?: (key: string, shiftKey: boolean) => void;
}

export function useEmbedKeys({ controller, rootRef, mode, forwardKey }: EmbedKeysOptions): void {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const target: EventTarget = mode === 'page' ? (root.ownerDocument.defaultView ?? window) : root;
    const focusedIn = (event: KeyboardEvent) => {
      const origin = event.composedPath()[0];
      return focusKind(origin instanceof Element ? origin : null);
    };
    // The deck's key, and the deck's keyboard: if the key moves the deck, reveal.js unloads
    // or hides this frame, and a focus left in it would swallow every later key.
    const handToDeck = (e: KeyboardEvent, send: (key: string, shiftKey: boolean) => void) => {
      e.preventDefault(); // no scrolling inside the frame, no button pressed by Space
      send(e.key, e.shiftKey);
      releaseFocus(root, mode);
    };
    const onCapture = (event: Event) => {
      const e = event as KeyboardEvent;
      if (e.defaultPrevented || e.isComposing) return;
      // A hidden slide (reveal.js's slide:stop) takes no steps: every key is the deck's.
      const story = controller.hidden ? null : controller.story;
      const decision = decideKey(
        { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey, focus: focusedIn(e) },
        story ? { position: story.position, length: story.length } : null,
      );
      if (decision === 'pass') return;
      if (decision === 'deck') {
        // An element lets it bubble to the deck (its arrows may still move between
        // containers); a frame hands it over now, before a focused container uses it.
        if (mode !== 'page' || !forwardKey) return;
        e.stopPropagation();
        handToDeck(e, forwardKey);
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      if (decision === 'release') {
        releaseFocus(root, mode);
        if (mode === 'page') forwardKey?.('Escape', false);
        return;
      }
      if (e.repeat && decision !== 'next') return;
      keepFocus(root, () => {
        if (decision === 'next') controller.step();
        else if (decision === 'back') controller.back();
        else controller.home();
      });
    };
    const onBubble = (event: Event) => {
      const e = event as KeyboardEvent;
      if (mode !== 'page' || !forwardKey || e.defaultPrevented) return;
      if (focusedIn(e) === 'text' || !isNavigationKey(e.key, e)) return;
      handToDeck(e, forwardKey);
    };
    const onKeyUp = (event: Event) => {
      const e = event as KeyboardEvent;
      if (e.key === ' ' && focusedIn(e) === 'button') e.preventDefault();
    };
    target.addEventListener('keydown', onCapture, true);
    target.addEventListener('keydown', onBubble);
    target.addEventListener('keyup', onKeyUp, true);
    return () => {
      target.removeEventListener('keydown', onCapture, true);
      target.removeEventListener('keydown', onBubble);
      target.removeEventListener('keyup', onKeyUp, true);
    };
  }, [controller, rootRef, mode, forwardKey]);
}
