/**
 * The keyboard rule of an embed in a deck, pure (README "Embedding", "Keys in a deck"):
 *
 * 1. The widget only sees keys while focus is inside it; with focus in the deck, the
 *    deck gets every key, untouched.
 * 2. Inside the widget, with a story: → / Space / PageDown take the next step,
 *    ← / PageUp the previous one, Home goes back to the start. Those keys are used
 *    (default prevented, propagation stopped) only when there is a step to go to.
 * 3. Escape hands focus back to the page (the deck) and is used.
 * 4. Every other key is left alone. A navigation key nothing in the widget used then
 *    belongs to the deck: a custom element lets it bubble to the deck's listener; an
 *    iframe, whose keys cannot reach its parent, forwards it with postMessage
 *    (`{ source: 'container-lifecycle', type: 'key', key }`).
 * So at the last step → moves the deck to the next slide, and at step 0 ← goes back.
 */

export type KeyDecision = 'next' | 'back' | 'home' | 'release' | 'pass';

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  /** What has focus: a text field keeps every key; a button keeps Space and Enter. */
  focus: 'text' | 'button' | 'other';
}

/** The story's position, or null without a story. */
export type StoryKeyState = { position: number; length: number } | null;

/** Keys a deck navigates with: forwarded to the parent frame when the widget does not use them. */
export const NAVIGATION_KEYS: ReadonlySet<string> = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', ' ', 'PageDown', 'PageUp', 'Home', 'End']);

/** What the widget does with a key press (rule 2 and 3 above). */
export function decideKey(input: KeyInput, story: StoryKeyState): KeyDecision {
  if (input.ctrlKey || input.metaKey || input.altKey) return 'pass';
  if (input.focus === 'text') return 'pass';
  if (input.key === 'Escape') return 'release';
  if (!story || input.shiftKey) return 'pass';
  switch (input.key) {
    case ' ':
      if (input.focus === 'button') return 'pass';
      return story.position < story.length ? 'next' : 'pass';
    case 'ArrowRight':
    case 'PageDown':
      return story.position < story.length ? 'next' : 'pass';
    case 'ArrowLeft':
    case 'PageUp':
      return story.position > 0 ? 'back' : 'pass';
    case 'Home':
      return story.position > 0 ? 'home' : 'pass';
    default:
      return 'pass';
  }
}

/** Whether an unused key should go to the deck (rule 4). */
export function isNavigationKey(key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}): boolean {
  return !modifiers.ctrlKey && !modifiers.metaKey && !modifiers.altKey && NAVIGATION_KEYS.has(key);
}

/** Classifies the focused element for `decideKey`. */
export function focusKind(element: Element | null): KeyInput['focus'] {
  if (!element) return 'other';
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || (element as HTMLElement).isContentEditable) return 'text';
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return ['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file'].includes(type) ? 'button' : 'text';
  }
  if (tag === 'BUTTON' || tag === 'A' || element.getAttribute('role') === 'button') return 'button';
  return 'other';
}
