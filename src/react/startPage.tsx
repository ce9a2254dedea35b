/**
 * Puts a page's React tree into its root element. When the root holds the build's
 * prerendered markup of this very view (`data-prerendered`, and the page says its first
 * view is that one), React hydrates it: the page was readable before its script ran.
 * Otherwise the markup (another view's) is dropped at once, before anything else loads,
 * so nobody clicks a view that is about to go, and the tree is rendered afresh.
 * `data-prerendered` stays on the root until the hydrated page is live.
 *
 * The simulation clock stands still until hydration is over: the prerendered markup is
 * the view at simulated t=0, and every hydrating render must read that same state. React
 * hydrates the root first and the Suspense boundaries inside it (the canvas) in later
 * tasks, so the clock starts when the page is next idle after the root's commit.
 */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { whenIdle } from './loadLater';

/** The part of the simulation clock this needs. */
interface Clock {
  run(): void;
  halt(): void;
}

/** Runs `onCommit` once the (hydrated) tree has committed. */
function Committed({ children, onCommit }: { children: ReactNode; onCommit: () => void }) {
  useEffect(onCommit, [onCommit]);
  return children;
}

/** A page's tree as mounted (and as prerendered: the same components, so `useId` agrees). */
export function pageTree(element: ReactNode, onCommit: () => void = () => undefined): ReactNode {
  return <Committed onCommit={onCommit}>{element}</Committed>;
}

/**
 * Gives the prerendered elements their styles back: the build moved each `style`
 * attribute to `data-ssr-style` (a strict Content-Security-Policy ignores style attributes
 * in markup, not styles set through the CSSOM), so the DOM is what React hydrates.
 */
function restoreStyles(root: HTMLElement): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-ssr-style]')) {
    element.style.cssText = element.dataset.ssrStyle ?? '';
    element.removeAttribute('data-ssr-style');
  }
}

/**
 * Whether the markup's `style` attributes took effect (a development build keeps them
 * inline). A policy without `style-src 'unsafe-inline'` ignores them, and hydration would
 * keep every node at 0,0 (React does not rewrite attributes it hydrates): render afresh.
 */
function inlineStylesApplied(root: HTMLElement): boolean {
  const styled = root.querySelector<HTMLElement>('[style]');
  return styled === null || styled.style.length > 0;
}

export interface PageRoot {
  /** Hydrates the prerendered markup, or renders `element` afresh. */
  mount(element: ReactNode, clock: Clock): void;
}

/**
 * The page's root. Call it first thing.
 * @param prerendered the page's first view is the one the build prerendered (no URL parameters that change it).
 */
export function pageRoot(root: HTMLElement, prerendered: boolean): PageRoot {
  const markup = root.hasAttribute('data-prerendered');
  const hydrate = prerendered && markup && inlineStylesApplied(root);
  if (markup && !hydrate) {
    root.replaceChildren();
    root.removeAttribute('data-prerendered');
  }
  return {
    mount(element, clock) {
      if (!hydrate) {
        createRoot(root).render(pageTree(element));
        return;
      }
      clock.halt();
      restoreStyles(root);
      hydrateRoot(
        root,
        pageTree(element, () =>
          whenIdle(() => {
            root.removeAttribute('data-prerendered');
            clock.run();
          }),
        ),
      );
    },
  };
}
