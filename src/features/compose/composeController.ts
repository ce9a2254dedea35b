/**
 * Opens compose files (file picker, drop, paste, `?compose=` URL, built-in examples) and
 * loads them into the session store. Lives outside React (the app creates one per page),
 * so the file's text survives the remount that every load causes: changing the profile
 * filter parses it again. Errors never touch the architecture on screen: `store.load` is
 * called only for a file that parsed. The parser (YAML + the compose schema, the biggest
 * part of the page's code) is a separate chunk, loaded with the first file.
 */
import { ecommerceScenario, type ArchitectureSpec } from '../../../machines';
import { preloadLayoutEngine } from '../../model/layout/architectureLayouts';
import type { SessionSource } from '../../model/session/sessionSource';
import { COMPOSE_EXAMPLES, DEFAULT_EXAMPLE_ID, exampleAtUrl, exampleById } from './examples';
import { baseName, fileSizeError, MAX_COMPOSE_BYTES, resolveComposeUrl, utf8Bytes } from './composeInput';
import type { ComposeLoadResult, LoadComposeOptions } from './loadCompose';

/** What `load` needs from the session store. */
export interface SessionLoader {
  load(source: SessionSource): void;
}

/** Where a load came from (for messages). */
export type LoadOrigin = 'file' | 'drop' | 'paste' | 'url' | 'example' | 'profile';

/** The compose file behind the current session. */
export interface ComposeDocument {
  text: string;
  /** File name or URL (names the project when the file has no `name:`). */
  fileName?: string;
  /** Title given to the session. */
  title?: string;
  /** The spec loaded from it (compare with `session.source.spec` to know it is still shown). */
  spec: ArchitectureSpec;
  /** Every profile named in the file. */
  profiles: string[];
  activeProfiles: string[];
  exampleId?: string;
}

export interface ComposeState {
  document: ComposeDocument | null;
  /** The Example list's choice for the current session, when it is an example. */
  exampleId: string | null;
  /** Parser warnings of the last load (non-blocking). */
  warnings: string[];
  /** The last input error (for `role="alert"`), with where it came from. */
  error: { message: string; origin: LoadOrigin } | null;
  /** What is being fetched or read, e.g. `Loading voting.compose.yml…`. */
  busy: string | null;
}

export interface ComposeControllerOptions {
  /** Default: the global `fetch`. */
  fetch?: (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'statusText' | 'headers' | 'text'>>;
  /** Base for relative URLs. Default: `document.baseURI`. */
  baseUrl?: () => string;
}

export interface LoadTextOptions {
  fileName?: string;
  title?: string;
  origin?: LoadOrigin;
  exampleId?: string;
  activeProfiles?: readonly string[];
}

type ParseCompose = (text: string, options: LoadComposeOptions) => ComposeLoadResult;

let parser: Promise<ParseCompose> | null = null;

/** The compose parser, loaded once on first use (a dynamic import: its own chunk), with the layout engine its files need. */
export function loadComposeParser(): Promise<ParseCompose> {
  preloadLayoutEngine();
  parser ??= import('./loadCompose').then(
    (module) => module.loadComposeText,
    (cause: unknown) => {
      parser = null; // a failed chunk load (offline) may be retried
      throw cause;
    },
  );
  return parser;
}

export interface ComposeController {
  get(): ComposeState;
  subscribe(listener: () => void): () => void;
  /** Parses `text` and loads it; resolves to the error message when it did not load. */
  loadText(text: string, options?: LoadTextOptions): Promise<string | null>;
  /** Reads a `File` (size-checked first) and loads it. */
  loadFile(file: Pick<File, 'name' | 'size' | 'text'>, origin?: LoadOrigin): Promise<string | null>;
  /** Fetches a compose file (`?compose=` value or an example path) and loads it. */
  loadUrl(value: string, origin?: LoadOrigin): Promise<string | null>;
  /** Loads an entry of the Example list. */
  loadExample(id: string): Promise<string | null>;
  /** Turns a profile on or off: the file is parsed again with the new `activeProfiles` and loaded. */
  setProfile(profile: string, active: boolean): Promise<string | null>;
  dismissError(): void;
  dismissWarnings(): void;
}

const INITIAL: ComposeState = { document: null, exampleId: DEFAULT_EXAMPLE_ID, warnings: [], error: null, busy: null };

/** A controller that loads into `loader` (the session store). */
export function createComposeController(loader: SessionLoader, options: ComposeControllerOptions = {}): ComposeController {
  let state: ComposeState = INITIAL;
  const listeners = new Set<() => void>();
  /** Increments per load request: a slow fetch never overrides a later choice. */
  let ticket = 0;
  const fetchText = options.fetch ?? ((url: string) => fetch(url));
  const base = options.baseUrl ?? (() => document.baseURI);

  const set = (patch: Partial<ComposeState>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
  };

  const fail = (message: string, origin: LoadOrigin, mine?: number): string => {
    if (mine === undefined || mine === ticket) set({ error: { message, origin }, busy: null });
    return message;
  };

  /** Parses and loads `text` for the request `mine` (dropped when a later request came). */
  const parseAndLoad = async (text: string, opts: LoadTextOptions, mine: number): Promise<string | null> => {
    const origin = opts.origin ?? 'paste';
    // One message for a file too large, however it came (opened, dropped, pasted, fetched).
    const tooBig = text.length * 3 > MAX_COMPOSE_BYTES ? fileSizeError(opts.fileName ? baseName(opts.fileName) : 'The pasted text', utf8Bytes(text)) : null;
    if (tooBig) return fail(tooBig, origin, mine);
    let parse: ParseCompose;
    try {
      parse = await loadComposeParser();
    } catch (cause) {
      return fail(`The compose parser could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}. The architecture on screen is unchanged.`, origin, mine);
    }
    if (mine !== ticket) return null;
    const result = parse(text, {
      ...(opts.fileName !== undefined ? { fileName: opts.fileName } : {}),
      ...(opts.title !== undefined ? { title: opts.title } : {}),
      activeProfiles: opts.activeProfiles ?? [],
    });
    if (!result.ok) return fail(result.message, origin);
    const document: ComposeDocument = {
      text,
      spec: result.source.spec,
      profiles: result.profiles,
      activeProfiles: [...result.source.spec.activeProfiles],
      ...(opts.fileName !== undefined ? { fileName: opts.fileName } : {}),
      ...(opts.title !== undefined ? { title: opts.title } : {}),
      ...(opts.exampleId !== undefined ? { exampleId: opts.exampleId } : {}),
    };
    const previous = state;
    // State first: listeners of the store (the remounting page) then read the new document.
    state = { ...state, document, exampleId: opts.exampleId ?? null, warnings: result.warnings, error: null, busy: null };
    try {
      loader.load(result.source);
    } catch (cause) {
      state = previous;
      return fail(`${opts.fileName ? `${baseName(opts.fileName)}: ` : ''}could not be started: ${cause instanceof Error ? cause.message : String(cause)}`, origin);
    }
    for (const listener of [...listeners]) listener();
    return null;
  };

  const loadText: ComposeController['loadText'] = (text, opts = {}) => parseAndLoad(text, opts, ++ticket);

  const loadFile: ComposeController['loadFile'] = async (file, origin = 'file') => {
    const tooBig = fileSizeError(file.name, file.size);
    if (tooBig) {
      ticket++;
      return fail(tooBig, origin);
    }
    const mine = ++ticket;
    void loadComposeParser().catch(() => undefined); // fetched while the file is read
    set({ busy: `Reading ${file.name}…` });
    let text: string;
    try {
      text = await file.text();
    } catch (cause) {
      return fail(`${file.name} could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, origin, mine);
    }
    if (mine !== ticket) return null;
    return parseAndLoad(text, { fileName: file.name, origin }, mine);
  };

  const loadUrl: ComposeController['loadUrl'] = async (value, origin = 'url') => {
    const mine = ++ticket;
    const resolved = resolveComposeUrl(value, base());
    const what = origin === 'url' ? `compose=${value}` : value;
    if (!resolved.ok) return fail(`Could not load the compose file (${what}): ${resolved.message} The architecture on screen is unchanged.`, origin, mine);
    const { url } = resolved;
    const example = exampleAtUrl(url, base());
    void loadComposeParser().catch(() => undefined); // fetched along with the file
    set({ busy: `Loading ${baseName(url)}…` });
    let text: string;
    try {
      const response = await fetchText(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      const tooBig = fileSizeError(baseName(url), Number(response.headers.get('content-length') ?? '0'));
      if (tooBig) return fail(tooBig, origin, mine);
      text = await response.text();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      const hint = /fetch|network|cors/i.test(reason) ? ' (is it on this site, or served with CORS headers?)' : '';
      return fail(`Could not load the compose file ${url}: ${reason}${hint}. The architecture on screen is unchanged.`, origin, mine);
    }
    if (mine !== ticket) return null;
    return parseAndLoad(
      text,
      {
        fileName: url,
        origin,
        ...(example ? { exampleId: example.id, title: example.title } : {}),
      },
      mine,
    );
  };

  const loadExample: ComposeController['loadExample'] = async (id) => {
    const example = exampleById(id);
    if (!example) return fail(`Unknown example "${id}" (examples: ${COMPOSE_EXAMPLES.map((e) => e.id).join(', ')})`, 'example');
    if (!example.path) {
      ticket++;
      state = { ...state, document: null, exampleId: example.id, warnings: [], error: null, busy: null };
      loader.load({ kind: 'spec', spec: ecommerceScenario, title: example.title });
      for (const listener of [...listeners]) listener();
      return null;
    }
    return loadUrl(example.path, 'example');
  };

  const setProfile: ComposeController['setProfile'] = (profile, active) => {
    const doc = state.document;
    if (!doc) return Promise.resolve(null);
    const next = active ? [...new Set([...doc.activeProfiles, profile])] : doc.activeProfiles.filter((p) => p !== profile);
    return loadText(doc.text, {
      origin: 'profile',
      activeProfiles: next,
      ...(doc.fileName !== undefined ? { fileName: doc.fileName } : {}),
      ...(doc.title !== undefined ? { title: doc.title } : {}),
      ...(doc.exampleId !== undefined ? { exampleId: doc.exampleId } : {}),
    });
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    loadText,
    loadFile,
    loadUrl,
    loadExample,
    setProfile,
    dismissError: () => set({ error: null }),
    dismissWarnings: () => set({ warnings: [] }),
  };
}
