/**
 * What a page does after its first paint rather than before it:
 * - `preloadable(load)`: a component kept out of the page's first chunk. It renders
 *   `load()`'s component once it is there (under the nearest `Suspense` until then), and
 *   `preload()` starts loading it (e.g. once the page is idle) so the first use does not
 *   wait. Once loaded, it renders directly, without suspending (no fallback flash), and a
 *   chunk that fails to load shows a line saying so instead of failing the page.
 * - `whenIdle(task)`: runs `task` once the page is idle.
 * - `<AfterIdle>`: mounts its children once the page is idle, so that what is below or
 *   beside the canvas does not delay the first paint of the canvas.
 */
import { Component as ReactComponent, use, useEffect, useState, type ComponentType, type JSX, type ReactNode } from 'react';

export interface Preloadable<P extends object> {
  /** Renders the loaded component; suspends while it loads (put a `Suspense` around it). */
  Component: (props: P) => JSX.Element;
  /** Starts loading (once); resolves when the component is there (never rejects). */
  preload: () => Promise<void>;
}

/** Shows why a part could not be loaded (a chunk that did not arrive: offline, a new deploy) instead of failing the page. */
export class LoadBoundary extends ReactComponent<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    const reason = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return <p role="status">This part of the page could not be loaded ({reason}). Reload the page to try again.</p>;
  }
}

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const start = (): Promise<ComponentType<P>> => {
    if (loading) return loading;
    const promise: Promise<ComponentType<P>> = load().then(
      (component) => {
        // React's `use` reads a promise marked fulfilled at once: later renders do not suspend.
        Object.assign(promise, { status: 'fulfilled', value: component });
        return component;
      },
      (cause: unknown) => {
        loading = null; // a failed chunk load (offline) is tried again by the next mount
        throw cause;
      },
    );
    loading = promise;
    return promise;
  };
  function Loaded(props: P) {
    // Always `use` (React requires the same hooks on every render, retries included).
    const Shown = use(start());
    // Not a component made during render: `Shown` is the loaded module's export, the same
    // object on every render (React.lazy does the same, but could not retry a failed load).
    // eslint-disable-next-line react-hooks/static-components
    return <Shown {...props} />;
  }
  function Component(props: P) {
    return (
      <LoadBoundary>
        <Loaded {...props} />
      </LoadBoundary>
    );
  }
  return {
    Component,
    preload: () =>
      start().then(
        () => undefined,
        () => undefined,
      ),
  };
}

/**
 * Runs `task` when the page is idle (after the first paint and its layout work), at the
 * latest after `timeout` ms. Without `requestIdleCallback` (Safari): right after the next frame.
 */
export function whenIdle(task: () => void, timeout = 2000): () => void {
  if (typeof window === 'undefined') return () => undefined;
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = window.requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Set once the page was idle after its first paint: later mounts (a Reset remounts the page's parts) wait for nothing. */
let pageIdle = false;

/**
 * Mounts `children` once the page is idle after its first paint; at once after that (a
 * remount on Reset or on loading a file shows them straight away). For parts that sit in
 * a box of their own (a fixed grid area), so nothing moves when they appear.
 */
export function AfterIdle({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(pageIdle);
  useEffect(
    () =>
      shown
        ? undefined
        : whenIdle(() => {
            pageIdle = true;
            setShown(true);
          }),
    [shown],
  );
  return shown ? children : null;
}
