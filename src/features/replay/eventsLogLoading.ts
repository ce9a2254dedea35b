/**
 * The one events log being loaded (picked, dropped or `?events=`): what a progress bar
 * shows and what Cancel stops. No React: `useEventsLogLoading` wraps it. A load that is
 * cancelled, or replaced by a newer one, hands nothing on, so the session on screen
 * stays as it was.
 */
import type { SessionSource } from '../../model/session/sessionSource';

/** What the page shows while a log loads. */
export interface LoadingProgress {
  /** The log's name (file name or URL's last segment). */
  title: string;
  /** Its size in bytes, when known (a file's size, a response's length); else null. */
  bytes: number | null;
  /** How much is parsed, 0 to 1; null while the text is still being read or downloaded. */
  fraction: number | null;
}

/** The result of one load: a replay source, an error message, or nothing to do (a file left to another loader). */
type LoadOutcome = { ok: true; source: SessionSource } | { ok: false; error: string } | null;

/** Reads and parses one log, reporting `onProgress(0..1)` while parsing; rejects when `signal` aborts. */
export type LoadTask = (options: { signal: AbortSignal; onProgress: (fraction: number) => void }) => Promise<LoadOutcome>;

/** Where a finished load goes. */
export interface LoadHandlers {
  onLoad: (source: SessionSource) => void;
  onError: (message: string) => void;
}

type Listener = () => void;

/** At most one load at a time; a new one cancels the one before. */
export class EventsLogLoading {
  private current: { controller: AbortController; progress: LoadingProgress } | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private handlers: LoadHandlers) {}

  /** Where loads finishing from now on go (a page's latest callbacks). */
  setHandlers(handlers: LoadHandlers): void {
    this.handlers = handlers;
  }

  /** The load in progress, or null (a new object on every change, for `useSyncExternalStore`). */
  readonly getProgress = (): LoadingProgress | null => this.current?.progress ?? null;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Starts loading `title` with `task`. Returns a function that cancels this load (and only
   * this one). A task that throws without being cancelled becomes an error message.
   */
  readonly run = (title: string, bytes: number | null, task: LoadTask): (() => void) => {
    this.cancel();
    const controller = new AbortController();
    const load = { controller, progress: { title, bytes, fraction: null } as LoadingProgress };
    this.current = load;
    this.notify();
    const live = () => this.current === load && !controller.signal.aborted;
    const onProgress = (fraction: number) => {
      if (!live() || fraction === load.progress.fraction) return;
      load.progress = { ...load.progress, fraction };
      this.notify();
    };
    void task({ signal: controller.signal, onProgress }).then(
      (outcome) => {
        if (!live()) return;
        this.finish();
        if (outcome?.ok) this.handlers.onLoad(outcome.source);
        else if (outcome) this.handlers.onError(outcome.error);
      },
      (cause: unknown) => {
        if (!live()) return;
        this.finish();
        this.handlers.onError(`Could not load the events log "${title}": ${cause instanceof Error ? cause.message : String(cause)}`);
      },
    );
    return () => {
      if (this.current === load) this.cancel();
    };
  };

  /** Stops the load in progress, if any; nothing is loaded and no error is shown. */
  readonly cancel = (): void => {
    if (!this.current) return;
    this.current.controller.abort(new DOMException('The events log load was cancelled', 'AbortError'));
    this.finish();
  };

  private finish(): void {
    this.current = null;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
