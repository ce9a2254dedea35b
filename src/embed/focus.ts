/**
 * Focus inside an embed across a story move: going back replaces the architecture, which
 * remounts the canvas, and a focused node or button would be lost (the next key would
 * then go to the deck). `keepFocus` puts focus back on the same container or control,
 * or on the widget itself.
 */

/** The focused element inside `root` (through its shadow root), or null. */
function activeIn(root: HTMLElement): HTMLElement | null {
  const scope = root.getRootNode() as Document | ShadowRoot;
  const active = scope.activeElement as HTMLElement | null;
  return active && root.contains(active) ? active : null;
}

/** Runs `fn`; if focus was inside `root`, restores it after the next render. */
export function keepFocus(root: HTMLElement, fn: () => void): void {
  const before = activeIn(root);
  const container = before?.closest('[data-container]')?.getAttribute('data-container') ?? null;
  const label = before?.tagName === 'BUTTON' ? before.textContent : null;
  fn();
  if (!before) return;
  const win = root.ownerDocument.defaultView ?? window;
  win.requestAnimationFrame(() => {
    if (activeIn(root)) return;
    let next: HTMLElement | null = null;
    if (container !== null) next = root.querySelector<HTMLElement>(`[data-container="${CSS.escape(container)}"]`);
    if (!next && label !== null) next = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label && !b.disabled) ?? null;
    (next ?? root).focus({ preventScroll: true });
  });
}

/** Hands the keyboard back to the page around the embed (Escape). */
export function releaseFocus(root: HTMLElement, mode: 'page' | 'shadow'): void {
  activeIn(root)?.blur();
  if (mode === 'shadow') {
    const host = (root.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
    if (host && host.ownerDocument.activeElement === host) host.blur();
    return;
  }
  const doc = root.ownerDocument;
  (doc.activeElement as HTMLElement | null)?.blur?.();
  const win = doc.defaultView;
  if (win && win.parent !== win) {
    try {
      win.parent.focus();
    } catch {
      // Some browsers refuse; the host page snippet blurs the frame on the forwarded Escape.
    }
  }
}
