/**
 * The keyboard rule of an embed in a deck, pure (README "Keys in a deck"). One rule for
 * the iframe and the custom element, and for → / PageDown / Space alike:
 *
 * 1. The widget only sees keys while focus is inside it; with focus in the deck, the
 *    deck gets every key (the reveal.js plugin, `src/reveal/`, then drives the story).
 * 2. Inside the widget, with a story: → / PageDown / Space / N take the next step,
 *    ← / PageUp / P the previous one, Home goes back to the start, like fragments. A key
 *    is used only when there is a step to go to; whatever the focused control is (Space
 *    never presses a focused button in an embed: Enter and clicks do).
 * 3. Escape hands focus back to the page (the deck) and is used.
 * 4. A navigation key the widget does not use belongs to the deck: a custom element lets
 *    it bubble; an iframe, whose keys cannot reach its parent, posts it to the parent in
 *    reveal.js's own postMessage API (`'{"method":"next"}'`, no deck code needed) and as
 *    `{ source: 'container-lifecycle', type: 'key', key }` for other hosts.
 * So at the last step → moves the deck to the next slide, and at step 0 ← goes back.
 * Text fields keep every key; modified keys (Ctrl, Alt, Meta) are never touched.
 */

/**
 * `deck`: a story key past the story's end (→ at the last step, ← at step 0): the deck's,
 * even where the widget would use it otherwise (arrows move between focused containers),
 * so it moves the deck like the fragment after the last one.
 */
export type KeyDecision = 'next' | 'back' | 'home' | 'release' | 'deck' | 'pass';

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  /** What has focus: a text field keeps every key. */
  focus: 'text' | 'button' | 'other';
}

/** The story's position, or null without a story (or while the slide is hidden). */
export type StoryKeyState = { position: number; length: number } | null;

/** Keys that take the next step, like a fragment (what clickers send: PageDown, →). */
const NEXT_KEYS: ReadonlySet<string> = new Set(['ArrowRight', 'PageDown', ' ', 'n', 'N']);
/** Keys that take the previous step. */
const BACK_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'PageUp', 'p', 'P']);

/** Keys a deck navigates with: passed on to the deck when the widget does not use them. */
const NAVIGATION_KEYS: ReadonlySet<string> = new Set([...NEXT_KEYS, ...BACK_KEYS, 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/** What the widget does with a key press (rules 2 and 3 above). */
export function decideKey(input: KeyInput, story: StoryKeyState): KeyDecision {
  if (input.ctrlKey || input.metaKey || input.altKey) return 'pass';
  if (input.focus === 'text') return 'pass';
  if (input.key === 'Escape') return 'release';
  if (!story || input.shiftKey) return 'pass';
  if (NEXT_KEYS.has(input.key)) return story.position < story.length ? 'next' : 'deck';
  if (BACK_KEYS.has(input.key)) return story.position > 0 ? 'back' : 'deck';
  if (input.key === 'Home') return story.position > 0 ? 'home' : 'pass';
  return 'pass';
}

/**
 * Which way a key moves a story driven from the deck (the reveal.js plugin), or null:
 * the next-step keys, Shift+Space back as in reveal.js, no other modifiers.
 */
export function storyDirection(event: { key: string; shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): 'step' | 'back' | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === ' ') return event.shiftKey ? 'back' : 'step';
  if (event.shiftKey) return null;
  if (NEXT_KEYS.has(event.key)) return 'step';
  if (BACK_KEYS.has(event.key)) return 'back';
  return null;
}

/** Whether an unused key should go to the deck (rule 4). */
export function isNavigationKey(key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}): boolean {
  return !modifiers.ctrlKey && !modifiers.metaKey && !modifiers.altKey && NAVIGATION_KEYS.has(key);
}

/**
 * The reveal.js postMessage call for a key the widget passes on (reveal.js runs
 * `deck[method](...args)` for `'{"method":…}'` strings from its frames), or null.
 * ↑ / ↓ are `prev` / `next` as in a linear deck, never a jump to another column.
 */
export function revealCall(key: string, shiftKey = false): { method: 'next' | 'prev' | 'slide'; args?: number[] } | null {
  if (key === ' ') return { method: shiftKey ? 'prev' : 'next' };
  if (NEXT_KEYS.has(key) || key === 'ArrowDown') return { method: 'next' };
  if (BACK_KEYS.has(key) || key === 'ArrowUp') return { method: 'prev' };
  if (key === 'Home') return { method: 'slide', args: [0] };
  return null;
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
