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
import { baseName, fileSizeError, resolveComposeUrl, utf8Bytes, MAX_COMPOSE_BYTES } from './composeInput';
import type { ComposeLoadResult, ComposeSource, LoadComposeOptions, UnresolvedReference, VariableUse } from './loadCompose';

/** What `load` needs from the session store. */
export interface SessionLoader {
  load(source: SessionSource): void;
}

/** Where a load came from (for messages). */
type LoadOrigin = 'file' | 'drop' | 'paste' | 'url' | 'example' | 'profile';

/** The compose file (or files) behind the current session. */
interface ComposeDocument {
  /** The first `-f` file's text. */
  text: string;
  /** The first file's name or URL (names the project when the file has no `name:`). */
  fileName?: string;
  /** Every `-f` file in merge order, and the files they reference (`include:`, `extends:`). */
  files: ComposeSource[];
  related: ComposeSource[];
  /** Per service, the variables its values use. */
  variables: Record<string, VariableUse[]>;
  /** References to files that were not given (their services are placeholders). */
  unresolved: UnresolvedReference[];
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
  /** The pasted `.env` (variables for interpolation), kept across loads until cleared. */
  env: { text: string; count: number } | null;
}

export interface ComposeControllerOptions {
  /** Default: the global `fetch`. */
  fetch?: (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'statusText' | 'headers' | 'text'>>;
  /** Base for relative URLs. Default: `document.baseURI`. */
  baseUrl?: () => string;
}

interface LoadTextOptions {
  fileName?: string;
  title?: string;
  origin?: LoadOrigin;
  exampleId?: string;
  activeProfiles?: readonly string[];
}

interface LoadFilesOptions extends LoadTextOptions {
  sortFiles?: boolean;
  related?: readonly ComposeSource[];
}

type ParseCompose = (files: readonly ComposeSource[], options: LoadComposeOptions) => ComposeLoadResult;

let parser: Promise<ParseCompose> | null = null;

/** The compose parser, loaded once on first use (a dynamic import: its own chunk), with the layout engine its files need. */
function loadComposeParser(): Promise<ParseCompose> {
  preloadLayoutEngine();
  parser ??= import('./loadCompose').then(
    (module) => module.loadComposeFiles,
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
  /**
   * Reads files opened together (picker, drop) and loads them as one project: files that
   * others `include:` or `extends:` are referenced ones, the rest `-f` files in Compose's order.
   */
  loadFiles(files: ReadonlyArray<Pick<File, 'name' | 'size' | 'text'>>, origin?: LoadOrigin): Promise<string | null>;
  /** Fetches a compose file (`?compose=` value or an example path) and loads it. */
  loadUrl(value: string, origin?: LoadOrigin): Promise<string | null>;
  /**
   * Fetches `?compose=A&compose=B` in that order (`-f A -f B`), and the files they
   * `include:` or `extends:` (relative to the file that names them), and loads them.
   */
  loadUrls(values: readonly string[], origin?: LoadOrigin): Promise<string | null>;
  /** Sets the `.env` text (variables) and loads the current file again with it; resolves to the error. */
  setEnv(text: string): Promise<string | null>;
  /** Forgets the `.env` and loads the current file again without it. */
  clearEnv(): Promise<string | null>;
  /** Loads an entry of the Example list. */
  loadExample(id: string): Promise<string | null>;
  /** Turns a profile on or off: the file is parsed again with the new `activeProfiles` and loaded. */
  setProfile(profile: string, active: boolean): Promise<string | null>;
  dismissError(): void;
  dismissWarnings(): void;
}

const INITIAL: ComposeState = { document: null, exampleId: DEFAULT_EXAMPLE_ID, warnings: [], error: null, busy: null, env: null };

/** Fetches stop after this many rounds of `include:` / `extends:` references. */
const MAX_REFERENCE_ROUNDS = 4;

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

  /** Parses and loads `files` for the request `mine` (dropped when a later request came). */
  const parseAndLoad = async (files: readonly ComposeSource[], opts: LoadFilesOptions, mine: number, envText = state.env?.text): Promise<string | null> => {
    const origin = opts.origin ?? 'paste';
    // One message for a file too large, however it came (opened, dropped, pasted, fetched).
    for (const file of files) {
      const tooBig =
        file.text.length * 3 > MAX_COMPOSE_BYTES ? fileSizeError(file.name ? baseName(file.name) : 'The pasted text', utf8Bytes(file.text)) : null;
      if (tooBig) return fail(tooBig, origin, mine);
    }
    let parse: ParseCompose;
    try {
      parse = await loadComposeParser();
    } catch (cause) {
      return fail(`The compose parser could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}. The architecture on screen is unchanged.`, origin, mine);
    }
    if (mine !== ticket) return null;
    const result = parse(files, {
      ...(opts.fileName !== undefined ? { fileName: opts.fileName } : {}),
      ...(opts.title !== undefined ? { title: opts.title } : {}),
      ...(envText !== undefined ? { envText } : {}),
      ...(opts.sortFiles ? { sortFiles: true } : {}),
      ...(opts.related ? { related: opts.related } : {}),
      activeProfiles: opts.activeProfiles ?? [],
    });
    if (!result.ok) return fail(result.message, origin);
    const first = result.files[0];
    const fileName = opts.fileName ?? (first?.name ? first.name : undefined);
    const document: ComposeDocument = {
      text: first?.text ?? '',
      files: result.files,
      related: result.related,
      variables: result.variables,
      unresolved: result.unresolved,
      spec: result.source.spec,
      profiles: result.profiles,
      activeProfiles: [...result.source.spec.activeProfiles],
      ...(fileName !== undefined ? { fileName } : {}),
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
      return fail(`${fileName ? `${baseName(fileName)}: ` : ''}could not be started: ${cause instanceof Error ? cause.message : String(cause)}`, origin);
    }
    for (const listener of [...listeners]) listener();
    return null;
  };

  /** Loads the current document again (new profiles or variables). */
  const reload = (opts: Partial<LoadFilesOptions>, envText?: string): Promise<string | null> => {
    const doc = state.document;
    if (!doc) return Promise.resolve(null);
    return parseAndLoad(
      doc.files,
      {
        origin: 'profile',
        activeProfiles: doc.activeProfiles,
        related: doc.related,
        ...(doc.fileName !== undefined ? { fileName: doc.fileName } : {}),
        ...(doc.title !== undefined ? { title: doc.title } : {}),
        ...(doc.exampleId !== undefined ? { exampleId: doc.exampleId } : {}),
        ...opts,
      },
      ++ticket,
      envText,
    );
  };

  const loadText: ComposeController['loadText'] = (text, opts = {}) => parseAndLoad([{ name: opts.fileName ?? '', text }], opts, ++ticket);

  const loadFiles: ComposeController['loadFiles'] = async (files, origin = 'file') => {
    for (const file of files) {
      const tooBig = fileSizeError(file.name, file.size);
      if (tooBig) {
        ticket++;
        return fail(tooBig, origin);
      }
    }
    if (files.length === 0) return null;
    const mine = ++ticket;
    void loadComposeParser().catch(() => undefined); // fetched while the files are read
    set({ busy: `Reading ${files.map((f) => f.name).join(', ')}…` });
    const sources: ComposeSource[] = [];
    for (const file of files) {
      try {
        sources.push({ name: file.name, text: await file.text() });
      } catch (cause) {
        return fail(`${file.name} could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, origin, mine);
      }
    }
    if (mine !== ticket) return null;
    return parseAndLoad(sources, { origin, sortFiles: sources.length > 1 }, mine);
  };

  const loadFile: ComposeController['loadFile'] = (file, origin = 'file') => loadFiles([file], origin);

  /** A file refused for its size (the one message for every way in). */
  class TooBig extends Error {}

  /** Fetches one file's text; throws with the reason. */
  const fetchOne = async (url: string): Promise<string> => {
    const response = await fetchText(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    const tooBig = fileSizeError(baseName(url), Number(response.headers.get('content-length') ?? '0'));
    if (tooBig) throw new TooBig(tooBig);
    return response.text();
  };

  const loadUrls: ComposeController['loadUrls'] = async (values, origin = 'url') => {
    const mine = ++ticket;
    const urls: string[] = [];
    for (const value of values) {
      const resolved = resolveComposeUrl(value, base());
      const what = origin === 'url' ? `compose=${value}` : value;
      if (!resolved.ok) return fail(`Could not load the compose file (${what}): ${resolved.message} The architecture on screen is unchanged.`, origin, mine);
      urls.push(resolved.url);
    }
    if (urls.length === 0) return null;
    const example = urls.length === 1 ? exampleAtUrl(urls[0]!, base()) : undefined;
    void loadComposeParser().catch(() => undefined); // fetched along with the file
    set({ busy: `Loading ${urls.map((url) => baseName(url)).join(', ')}…` });
    const sources: ComposeSource[] = [];
    for (const url of urls) {
      try {
        sources.push({ name: url, text: await fetchOne(url) });
      } catch (cause) {
        if (cause instanceof TooBig) return fail(cause.message, origin, mine);
        const reason = cause instanceof Error ? cause.message : String(cause);
        const hint = /fetch|network|cors/i.test(reason) ? ' (is it on this site, or served with CORS headers?)' : '';
        return fail(`Could not load the compose file ${url}: ${reason}${hint}. The architecture on screen is unchanged.`, origin, mine);
      }
      if (mine !== ticket) return null;
    }
    // Files named by include: / extends: file:, fetched relative to the file that names them.
    const related: ComposeSource[] = [];
    let parse: ParseCompose | undefined;
    for (let round = 0; round < MAX_REFERENCE_ROUNDS; round++) {
      try {
        parse ??= await loadComposeParser();
      } catch {
        break; // parseAndLoad reports it
      }
      const probe = parse(sources, { related, envText: state.env?.text ?? '' });
      if (!probe.ok || probe.unresolved.length === 0) break;
      let fetched = false;
      for (const ref of probe.unresolved) {
        let url: string;
        try {
          url = new URL(ref.path, ref.from).href;
        } catch {
          continue;
        }
        if (related.some((r) => r.name === url) || sources.some((s) => s.name === url)) continue;
        try {
          related.push({ name: url, text: await fetchOne(url) });
          fetched = true;
        } catch {
          // Left unresolved: the loaded project shows a placeholder and a warning.
        }
        if (mine !== ticket) return null;
      }
      if (!fetched) break;
    }
    return parseAndLoad(
      sources,
      {
        origin,
        related,
        ...(sources.length === 1 ? { fileName: urls[0]! } : {}),
        ...(example ? { exampleId: example.id, title: example.title } : {}),
      },
      mine,
    );
  };

  const loadUrl: ComposeController['loadUrl'] = (value, origin = 'url') => loadUrls([value], origin);

  const setEnv: ComposeController['setEnv'] = async (text) => {
    const previous = state.env;
    const count = (text.match(/^\s*(export\s+)?[^#\s=:][^=:]*[=:]/gm) ?? []).length;
    state = { ...state, env: { text, count } };
    const error = state.document ? await reload({ origin: 'paste' }, text) : await checkEnv(text);
    if (error) state = { ...state, env: previous };
    for (const listener of [...listeners]) listener();
    return error;
  };

  /** Without a document, a pasted .env is only checked. */
  const checkEnv = async (text: string): Promise<string | null> => {
    try {
      const parse = await loadComposeParser();
      const probe = parse([{ name: '', text: 'services: {probe: {image: x}}' }], { envText: text });
      return probe.ok ? null : fail(probe.message, 'paste');
    } catch {
      return null;
    }
  };

  const clearEnv: ComposeController['clearEnv'] = async () => {
    state = { ...state, env: null };
    const error = await reload({}, undefined);
    for (const listener of [...listeners]) listener();
    return error;
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
    return reload({ activeProfiles: next }, state.env?.text);
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
    loadFiles,
    loadUrl,
    loadUrls,
    setEnv,
    clearEnv,
    loadExample,
    setProfile,
    dismissError: () => set({ error: null }),
    dismissWarnings: () => set({ warnings: [] }),
  };
}
