/**
 * One embed, outside React: its options, its session store, the story being presented,
 * persistence (localStorage and `#state=` links), the input problems to show, and the
 * commands a host may send (it is the postMessage protocol's `ProtocolTarget`). The
 * views (embed page, custom element, React component) render its state and call it.
 *
 * Time: with a story, the simulation clock is paused and only the story's `wait` steps
 * move it, so the state after step n is always the same (and going back is exact).
 */
import { scenarios, type ArchitectureSpec, type ComposeAction, type ContainerEvent, type LogEntry, type SavedArchitecture } from '../../machines';
import type { Session } from '../react/sessionContext';
import type { SessionSource } from '../model/session/sessionSource';
import { DEFAULT_SCENARIO, type EmbedOptions, type StoryRef } from './embedParams';
import {
  clearSave,
  encodeStateHash,
  hasSave,
  isStateHash,
  makeEmbedSave,
  restoreProblem,
  stateLink,
  storageKey,
  writeSave,
  type KeyValueStorage,
  type ReadSaveResult,
} from './saves';
import type { CommandResult, ContainerStates, ProtocolTarget } from './protocol';
import type { StoryPlayer, StoryPosition, StoryTarget } from './stories/storyPlayer';
import type { Story } from './stories/storySchema';

/** The part of the app's `SessionStore` an embed uses. */
export interface EmbedSessionStore {
  get(): { session: Session; generation: number };
  subscribe(listener: () => void): () => void;
  reset(): void;
  load(source: SessionSource): void;
}

export type ComposeLoader = (
  text: string,
  url: string,
) => Promise<{ ok: true; source: SessionSource } | { ok: false; message: string }> | { ok: true; source: SessionSource } | { ok: false; message: string };

export type EventsLoader = (url: string) => Promise<{ ok: true; source: SessionSource } | { ok: false; error: string }>;

/** What the controller needs from its surroundings (a page, or a test). */
export interface EmbedEnvironment {
  createStore(source: SessionSource): EmbedSessionStore;
  /** The page URL (part of the storage key). */
  pageUrl: string;
  storage: KeyValueStorage | null;
  /** A location hash to restore from (`#state=…`), or null. */
  stateHash?: string | null;
  /** A custom element's `id` (part of the storage key). */
  embedId?: string | null;
  /** More to tell embeds on the same page apart in storage (the framing page, for the embed page). */
  storageScope?: string | null;
  /** Fetches a text file; rejects with a readable message. Default: `fetch`. */
  fetchText?: (url: string) => Promise<string>;
  /** Compose text → session source (the compose feature's loader); without it `compose=` is refused. */
  loadCompose?: ComposeLoader;
  /** Fetches and parses a `docker events` log (the replay feature's loader); without it `events=` is refused. */
  loadEvents?: EventsLoader;
  /** Delay before an autosave, ms. Default 300. */
  saveDelayMs?: number;
}

export interface EmbedAlert {
  id: number;
  text: string;
}

/** What the views render; a new object after every change. */
export interface EmbedView {
  options: EmbedOptions;
  alerts: readonly EmbedAlert[];
  /** A status line (`role="status"`): loading, link copied, export done. */
  notice: string | null;
  story: (StoryPosition & { title: string }) | null;
  /** A link made by `copyLink`, shown for manual copying when the clipboard is not available. */
  link: string | null;
  /** The state shown came from this page's last visit (persist=1), not from its options: the view says so, with Reset. */
  restored: boolean;
}

/** Options that change what is shown (a new controller); the others apply live. */
export function needsRebuild(a: EmbedOptions, b: EmbedOptions): boolean {
  const storyKey = (s: StoryRef | null) => (s ? `${s.kind}:${s.kind === 'builtin' ? s.id : s.url}` : '');
  return a.scenario !== b.scenario || a.compose !== b.compose || a.events !== b.events || storyKey(a.story) !== storyKey(b.story);
}

async function defaultFetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new Error(`could not fetch ${url} (network error, or the server does not allow cross-origin requests)`);
  }
  if (!response.ok) throw new Error(`could not fetch ${url} (HTTP ${response.status})`);
  return response.text();
}

let alertIds = 0;

/** The saved-state reader: zod and the machines' save schema, a chunk of its own on the pages. */
const loadSaveReader = () => import('./persistence');
type SaveReader = Awaited<ReturnType<typeof loadSaveReader>>;
/** The built-in stories and the story player: a chunk of its own, for embeds with `story=`. */
const loadStoryRuntime = () => import('./stories/storyRuntime');
type StoryRuntime = Awaited<ReturnType<typeof loadStoryRuntime>>;

function readerProblem(cause: unknown): string {
  return `its reader could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`;
}

export class EmbedController implements ProtocolTarget {
  readonly store: EmbedSessionStore;
  private optionsValue: EmbedOptions;
  private player: StoryPlayer | null = null;
  private view: EmbedView;
  private readonly viewListeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly key: string;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribeLog: (() => void) | null = null;
  private readonly unsubscribeStore: () => void;
  private disposed = false;
  /** True while the controller itself replaces or drives the session (no autosave for a reset). */
  private quiet = false;
  /** Set once a user or host changed something since the last reset. */
  private dirty = false;
  /** The slide holding the embed is hidden (reveal.js `slide:stop`): the clock stands still. */
  private hiddenValue = false;
  readonly ready: Promise<void>;
  /**
   * The saved-state reader, loading from the start when there is a save to restore (a
   * `#state=` link or this embed's localStorage entry), else null.
   */
  private readonly saveReader: Promise<SaveReader> | null;
  /** The story runtime, loading from the start when `story=` is set, else null. */
  private readonly storyRuntime: Promise<StoryRuntime> | null;
  /** The story runtime once loaded (set before `player`). */
  private stories: StoryRuntime | null = null;
  /**
   * What the first render needs beyond the main chunk (the saved-state reader, the story
   * runtime), loading; null when nothing. A page may wait for it before it renders, so it
   * does not show the start state, or no story controls, for a moment. Never rejects.
   */
  readonly firstView: Promise<void> | null;

  constructor(
    options: EmbedOptions,
    problems: readonly string[],
    private readonly env: EmbedEnvironment,
  ) {
    this.optionsValue = options;
    const spec = scenarios[options.scenario] ?? scenarios[DEFAULT_SCENARIO];
    if (!spec) throw new Error(`missing built-in scenario ${DEFAULT_SCENARIO}`);
    this.store = env.createStore({ kind: 'spec', spec, title: spec.project });
    this.key = storageKey(env.pageUrl, options, [env.embedId, env.storageScope].filter(Boolean).join('|') || null);
    const hasLink = env.stateHash ? isStateHash(env.stateHash) : false;
    this.saveReader = hasLink || (options.persist && hasSave(env.storage, this.key)) ? loadSaveReader() : null;
    // Failures are reported by restore(); this only keeps a rejected chunk load from going unhandled.
    this.saveReader?.catch(() => undefined);
    this.storyRuntime = options.story ? loadStoryRuntime() : null;
    this.storyRuntime?.catch(() => undefined);
    const needed = [this.saveReader, this.storyRuntime].filter((p) => p !== null);
    this.firstView =
      needed.length > 0
        ? Promise.all(needed).then(
            () => undefined,
            () => undefined,
          )
        : null;
    this.view = { options, alerts: problems.map((text) => ({ id: ++alertIds, text })), notice: null, story: null, link: null, restored: false };
    this.unsubscribeStore = this.store.subscribe(() => this.onSession());
    this.watchArchitecture();
    this.applySpeed();
    this.ready = this.start().catch((cause: unknown) => {
      this.alert(`The embed could not start completely: ${cause instanceof Error ? cause.message : String(cause)}`);
    });
  }

  // ------------------------------------------------------------------ reading

  get options(): EmbedOptions {
    return this.optionsValue;
  }

  get session(): Session {
    return this.store.get().session;
  }

  getView = (): EmbedView => this.view;

  subscribeView = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  /** Calls `listener` whenever the architecture may have changed (a command, a daemon action, a new session). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Container name → Docker status; O(containers). */
  getState(): ContainerStates {
    const { architecture } = this.session;
    const out: ContainerStates = {};
    for (const entry of architecture.containers) out[entry.name] = architecture.status(entry.name) ?? 'removed';
    return out;
  }

  get story(): StoryPlayer | null {
    return this.player;
  }

  /** True between a `slide:stop` and the next `slide:start`. */
  get hidden(): boolean {
    return this.hiddenValue;
  }

  // ------------------------------------------------------------------ commands (ProtocolTarget)

  send(container: string, event: ContainerEvent): CommandResult {
    const entry = this.session.architecture.send(container, event);
    return entry.outcome === 'error' ? { ok: false, error: entry.message ?? 'refused' } : { ok: true };
  }

  /** `docker compose <action>`; with a story (clock paused) it runs to its end at once, like a story step. */
  compose(action: ComposeAction): CommandResult {
    if (this.player && this.stories) return this.stories.applyStep(this.target(), { compose: action });
    this.session.architecture.compose(action);
    return { ok: true };
  }

  step(): CommandResult {
    if (!this.player) return { ok: false, error: 'no story is loaded (story=<id or URL>)' };
    return this.player.next() ? { ok: true } : { ok: false, error: 'the story is at its last step' };
  }

  back(): CommandResult {
    if (!this.player) return { ok: false, error: 'no story is loaded (story=<id or URL>)' };
    return this.player.back() ? { ok: true } : { ok: false, error: 'the story is at its first step' };
  }

  /** Back to the start: the scenario (or compose file) freshly up, the story at step 0, the save forgotten. */
  reset(): CommandResult {
    clearSave(this.env.storage, this.key);
    this.dirty = false;
    this.quietly(() => {
      if (this.player) this.player.goTo(0);
      else this.store.reset();
    });
    this.setView({ link: null, restored: false });
    return { ok: true };
  }

  /**
   * The slide holding the embed was entered (reveal.js posts `slide:start` to its frames;
   * the reveal.js plugin calls this for elements): the clock runs again, and with
   * reset-on-enter the story starts over.
   */
  slideStart(): void {
    this.hiddenValue = false;
    this.applySpeed();
    if (!this.options.resetOnEnter) return;
    void this.ready.then(() => {
      if (this.disposed || !this.player || this.hiddenValue) return;
      clearSave(this.env.storage, this.key);
      this.dirty = false;
      this.quietly(() => this.player!.goTo(this.options.step ?? 0));
      this.setView({ restored: false });
    });
  }

  /** The slide was left (`slide:stop`): the simulation clock stands still until `slideStart`. */
  slideStop(): void {
    this.hiddenValue = true;
    this.applySpeed();
  }

  /** Hides the "state restored" hint (the state stays). */
  dismissRestored(): void {
    this.setView({ restored: false });
  }

  /** Home key: the story back to its start. */
  home(): CommandResult {
    if (!this.player) return { ok: false, error: 'no story is loaded' };
    this.player.goTo(0);
    return { ok: true };
  }

  // ------------------------------------------------------------------ view actions

  dismissAlerts(): void {
    this.setView({ alerts: [] });
  }

  /** Adds a message for the `role="alert"` element. */
  alert(text: string): void {
    this.setView({ alerts: [...this.view.alerts, { id: ++alertIds, text }] });
  }

  notice(text: string | null): void {
    this.setView({ notice: text });
  }

  /** A link to `base` that restores the current state exactly, or why not (over 100 kB). */
  makeLink(base: string): { ok: true; link: string } | { ok: false; error: string } {
    const encoded = encodeStateHash(this.snapshot());
    if (!encoded.ok) return encoded;
    return { ok: true, link: stateLink(base, encoded.hash) };
  }

  /** Restores the state in a `#state=` hash (a link opened in the same page); false when there is none or it is refused. */
  async restoreLink(hash: string): Promise<boolean> {
    if (!isStateHash(hash)) return false;
    let reader: SaveReader;
    try {
      reader = await loadSaveReader();
    } catch (cause) {
      this.alert(restoreProblem('link', readerProblem(cause)));
      return false;
    }
    if (this.disposed) return false;
    const read = reader.readStateHash(hash);
    return read ? this.applySave(read, 'link') : false;
  }

  /** Shows a link for manual copying (null hides it). */
  showLink(link: string | null): void {
    this.setView({ link });
  }

  /** Applies options that do not need a new controller (theme, controls, select, speed, step, …). */
  update(options: EmbedOptions): void {
    const previous = this.optionsValue;
    this.optionsValue = options;
    if (options.speed !== previous.speed) this.applySpeed();
    if (options.step !== previous.step && options.step !== null && this.player) this.goToStep(options.step);
    if (options.select !== previous.select && options.select !== null) this.selectOption(options.select);
    this.setView({ options });
  }

  /** Saves now (also done automatically after changes). */
  saveNow(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.disposed || !this.dirty || !this.options.persist) return;
    writeSave(this.env.storage, this.key, this.snapshot());
  }

  dispose(): void {
    if (this.disposed) return;
    this.saveNow();
    this.disposed = true;
    this.unsubscribeStore();
    this.unsubscribeLog?.();
    const { session } = this.store.get();
    session.replay?.dispose();
    session.architecture.stop();
    session.clock.halt();
    this.viewListeners.clear();
    this.changeListeners.clear();
  }

  // ------------------------------------------------------------------ start-up

  private async start(): Promise<void> {
    const { options } = this;
    if (options.compose) await this.loadComposeFile(options.compose);
    if (options.events) {
      // A replay is its own presentation: it has its own controls and is not saved.
      if (options.story) this.alert('story is ignored while a docker events log is replayed (events=).');
      await this.loadEventsLog(options.events);
      if (options.select !== null && !this.disposed) this.selectOption(options.select);
      return;
    }
    if (options.story) await this.loadStory(options.story);
    if (this.disposed) return;
    // Without a save, no await: the rest applies before the first render, as before.
    const restored = this.saveReader ? await this.restore() : false;
    if (this.disposed) return;
    // A story starts from a fresh, settled platform (or at the step asked for).
    // The options as they are now: a host may have changed `step` or `select` (Slidev's
    // :step on its first click) while the story's chunk was loading.
    if (!restored && this.player) this.goToStep(this.options.step ?? 0);
    if (this.options.select !== null) this.selectOption(this.options.select);
    this.applySpeed();
  }

  private async loadComposeFile(url: string): Promise<void> {
    if (!this.env.loadCompose) {
      this.alert('Compose files cannot be loaded in this build; showing the scenario instead.');
      return;
    }
    this.notice(`Loading ${url}…`);
    try {
      const text = await (this.env.fetchText ?? defaultFetchText)(url);
      const loaded = await this.env.loadCompose(text, url);
      if (this.disposed) return;
      if (loaded.ok) this.quietly(() => this.store.load(loaded.source));
      else this.alert(`${loaded.message} Showing the scenario instead.`);
    } catch (cause) {
      this.alert(`The compose file could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}; showing the scenario instead.`);
    } finally {
      this.notice(null);
    }
  }

  private async loadEventsLog(url: string): Promise<void> {
    if (!this.env.loadEvents) {
      this.alert('docker events logs cannot be replayed in this build; showing the scenario instead.');
      return;
    }
    this.notice('Loading the events log…');
    try {
      const loaded = await this.env.loadEvents(url);
      if (this.disposed) return;
      if (loaded.ok) this.quietly(() => this.store.load(loaded.source));
      else this.alert(`${loaded.error} Showing the scenario instead.`);
    } finally {
      this.notice(null);
    }
  }

  private async loadStory(ref: StoryRef): Promise<void> {
    let stories: StoryRuntime;
    try {
      stories = await (this.storyRuntime ?? loadStoryRuntime());
    } catch (cause) {
      this.alert(`The story could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}.`);
      return;
    }
    let story: Story | undefined;
    if (ref.kind === 'builtin') {
      story = stories.BUILTIN_STORIES[ref.id];
    } else {
      this.notice('Loading the story…');
      try {
        const text = await (this.env.fetchText ?? defaultFetchText)(ref.url);
        // The YAML parser comes with the first story file, not with every embed.
        const { parseStoryText } = await import('./stories/storyText');
        const parsed = parseStoryText(text, ref.url.split(/[?#]/)[0]?.split('/').pop() || ref.url);
        if (parsed.ok) story = parsed.story;
        else this.alert(`The story could not be loaded: ${parsed.error}`);
      } catch (cause) {
        this.alert(`The story could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}.`);
      } finally {
        this.notice(null);
      }
    }
    if (!story || this.disposed) return;
    if (story.scenario && story.scenario !== this.session.architecture.spec.project && !this.options.compose) {
      const spec = scenarios[story.scenario];
      if (spec) this.quietly(() => this.store.load({ kind: 'spec', spec, title: spec.project }));
    }
    this.stories = stories;
    const player = new stories.StoryPlayer(story, {
      current: () => this.target(),
      restart: () => {
        this.store.reset();
        return this.target();
      },
      focus: (name) => {
        if (name !== null && this.session.architecture.containerActor(name)) this.session.selection.select(name);
      },
    });
    player.subscribe(() => {
      this.publishStory();
      this.markDirty();
    });
    this.player = player;
    this.applySpeed();
    this.publishStory();
  }

  /** Restores from the link, else from localStorage. True when something was restored. */
  private async restore(): Promise<boolean> {
    if (!this.saveReader) return false;
    let reader: SaveReader;
    try {
      reader = await this.saveReader;
    } catch (cause) {
      this.alert(restoreProblem(this.env.stateHash && isStateHash(this.env.stateHash) ? 'link' : 'storage', readerProblem(cause)));
      return false;
    }
    if (this.disposed) return false;
    const fromLink = this.env.stateHash ? reader.readStateHash(this.env.stateHash) : null;
    if (fromLink) return this.applySave(fromLink, 'link');
    if (!this.options.persist) return false;
    const fromStorage = reader.loadSave(this.env.storage, this.key);
    if (!fromStorage) return false;
    const ok = this.applySave(fromStorage, 'storage');
    if (!ok) clearSave(this.env.storage, this.key);
    else this.setView({ restored: true });
    return ok;
  }

  private applySave(result: ReadSaveResult, where: 'link' | 'storage'): boolean {
    if (!result.ok) {
      this.alert(restoreProblem(where, result.error));
      return false;
    }
    const { save } = result;
    const base = this.baseSource();
    this.quietly(() => {
      this.store.load({ kind: 'restore', saved: save.architecture, title: base.title, fallback: base.spec });
      if (this.player) this.player.resume(save.storyPosition ?? 0);
    });
    this.dirty = true;
    return true;
  }

  private baseSource(): { spec: ArchitectureSpec; title: string } {
    const source = this.session.source;
    if (source.kind === 'spec') return { spec: source.spec, title: source.title };
    if (source.kind === 'restore') return { spec: source.fallback, title: source.title };
    return { spec: this.session.architecture.spec, title: source.title };
  }

  private goToStep(step: number): void {
    if (!this.player) return;
    if (step > this.player.length) {
      this.alert(`step=${step} is past the end of the story (${this.player.length} steps); showing the last step.`);
    }
    this.quietly(() => this.player!.goTo(step));
  }

  private selectOption(name: string): void {
    if (this.session.architecture.containerActor(name)) this.session.selection.select(name);
    else this.alert(`select=${JSON.stringify(name)}: there is no such container; nothing is selected.`);
  }

  // ------------------------------------------------------------------ internals

  private target(): StoryTarget {
    const { architecture, clock } = this.session;
    return { architecture, clock };
  }

  private applySpeed(): void {
    const speed = this.player || this.hiddenValue ? 0 : this.options.speed;
    const { clock } = this.session;
    if (clock.speed !== speed) clock.setSpeed(speed);
  }

  private snapshot() {
    const saved: SavedArchitecture = this.session.architecture.save();
    return makeEmbedSave(saved, this.player ? this.player.position : null);
  }

  private onSession(): void {
    this.watchArchitecture();
    this.applySpeed();
    this.emitChange();
  }

  private watchArchitecture(): void {
    this.unsubscribeLog?.();
    const { architecture } = this.session;
    this.unsubscribeLog = architecture.onLog((entries) => {
      // Docker acting by itself (health checks, restart back-offs) and a Compose run going
      // on (the first view's `docker compose up`) do not make an untouched embed worth
      // saving; once something was changed, every change is saved.
      const last = entries.at(-1);
      if (last && typedByUser(last)) this.markDirty();
      else if (this.dirty) this.scheduleSave();
      this.emitChange();
    });
  }

  private markDirty(): void {
    if (this.quiet || this.options.events) return;
    this.dirty = true;
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.disposed || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.saveNow(), this.env.saveDelayMs ?? 300);
  }

  private quietly<T>(fn: () => T): T {
    const before = this.quiet;
    this.quiet = true;
    try {
      return fn();
    } finally {
      this.quiet = before;
    }
  }

  private emitChange(): void {
    for (const listener of [...this.changeListeners]) listener();
  }

  private publishStory(): void {
    const player = this.player;
    this.setView({ story: player ? { ...player.state(), title: player.story.title } : null });
  }

  private setView(patch: Partial<EmbedView>): void {
    if (this.disposed) return;
    this.view = { ...this.view, ...patch };
    for (const listener of [...this.viewListeners]) listener();
  }
}

/**
 * Whether a log entry is a command someone gave (a click, a key, a message, a story
 * step), not Docker or Compose carrying on: a daemon action, a Compose run's step or its
 * closing `# docker compose up -d: done` line.
 */
function typedByUser(entry: LogEntry): boolean {
  return entry.kind === 'command' && !entry.cli.startsWith('#');
}
