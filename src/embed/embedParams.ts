/**
 * The embed's options, from the URL parameters of `embed.html` or the attributes of
 * `<container-lifecycle>` (same names). Every value is checked; an unknown
 * or invalid parameter gives a friendly problem (shown in a `role="alert"`) and its
 * default is used instead. Pure: no DOM, no fetch.
 */
import { scenarios } from '../../machines';
import { unknownParamsProblem } from '../model/validation/unknownParams';
import { BUILTIN_STORY_IDS } from './stories/storyIds';

/** Parameter / attribute names, in the order the docs list them. */
export const EMBED_PARAM_NAMES = [
  'scenario',
  'compose',
  'events',
  'theme',
  'controls',
  'select',
  'story',
  'step',
  'speed',
  'readonly',
  'fit',
  'learn',
  'persist',
  'reset-on-enter',
  'lang',
  'allow-origins',
] as const;
type EmbedParamName = (typeof EMBED_PARAM_NAMES)[number];

export type EmbedTheme = 'light' | 'dark' | 'auto';
export type EmbedControls = 'full' | 'compact' | 'none';
/** A story: one of the built-ins, or a JSON/YAML file to fetch. */
export type StoryRef = { kind: 'builtin'; id: string } | { kind: 'url'; url: string };

/** What an embed shows and how (see README "Embedding"). */
export interface EmbedOptions {
  /** Built-in scenario id. Default `ecommerce`. */
  scenario: string;
  /** Absolute URL of a compose file to load instead of the scenario, or null. */
  compose: string | null;
  /** Absolute URL of a `docker events` log to replay instead of the scenario, or null. */
  events: string | null;
  /** Default `auto` (follows `prefers-color-scheme`). */
  theme: EmbedTheme;
  /** Default `compact`. */
  controls: EmbedControls;
  /** Container selected at start, or null. */
  select: string | null;
  story: StoryRef | null;
  /** Story step to open at (0 = before the first step), or null. */
  step: number | null;
  /** Simulation speed (simulated ms per real ms). Default 1. */
  speed: number;
  /** No command buttons, shortcuts or Reset for the viewer. Default false. */
  readonly: boolean;
  /** Lock the view: always the whole architecture, no wheel zoom or drag pan. Default false. */
  fit: boolean;
  /** Show what Docker did underneath each command in the log ("Learn"). Default true; `learn=0` turns it off. */
  learn: boolean;
  /**
   * Save the widget's state per page in localStorage and restore it on the next visit.
   * Default false: a deck must open on stage as it was written, not as the last rehearsal
   * left it (a revisited slide in the same showing keeps its state in memory anyway).
   */
  persist: boolean;
  /** Start the story over each time its slide is entered (reveal.js `slide:start`). Default false. */
  resetOnEnter: boolean;
  /** Only `en` exists. */
  lang: 'en';
  /** Origins besides the page's own allowed to drive the embed with postMessage. */
  allowOrigins: string[];
}

export const DEFAULT_SCENARIO = 'ecommerce';

export const DEFAULT_EMBED_OPTIONS: Readonly<EmbedOptions> = Object.freeze({
  scenario: DEFAULT_SCENARIO,
  compose: null,
  events: null,
  theme: 'auto',
  controls: 'compact',
  select: null,
  story: null,
  step: null,
  speed: 1,
  readonly: false,
  fit: false,
  learn: true,
  persist: false,
  resetOnEnter: false,
  lang: 'en',
  allowOrigins: [],
});

export interface ParsedEmbedParams {
  options: EmbedOptions;
  /** One friendly sentence per ignored or corrected parameter. */
  problems: string[];
}

export interface ParseEmbedParamsContext {
  /** Base for relative URLs (`compose=examples/x.yml`): the page URL. */
  baseUrl: string;
  /** Report names that are not embed parameters (true for URLs; false for element attributes). Default true. */
  reportUnknown?: boolean;
}

/** Raw input: a query string, `URLSearchParams`, or a name → value record (attributes). */
export type EmbedParamsInput = string | URLSearchParams | Readonly<Record<string, string | null | undefined>>;

const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/;
const BOOLEAN_TRUE = ['', '1', 'true', 'yes', 'on'];
const BOOLEAN_FALSE = ['0', 'false', 'no', 'off'];

/**
 * One parameter's check: its value, or why it is refused (`expected …` / `must …` read as
 * "is not valid (…)", anything else as is). Plain functions, not zod: these checks run
 * before the first render, and the validator library would be 17 KiB (gzip) of the
 * embed's first load for a dozen flat strings (bench/README.md, "4. Bundle").
 */
type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };
type Check<T> = (value: string) => Checked<T>;

const ok = <T,>(value: T): Checked<T> => ({ ok: true, value });
const refuse = (reason: string): Checked<never> => ({ ok: false, reason });

const booleanCheck: Check<boolean> = (v) => {
  const lower = v.trim().toLowerCase();
  if (BOOLEAN_TRUE.includes(lower)) return ok(true);
  if (BOOLEAN_FALSE.includes(lower)) return ok(false);
  return refuse('expected 1 or 0');
};

function httpUrlCheck(baseUrl: string): Check<string> {
  return (v) => {
    let url: URL;
    try {
      url = new URL(v.trim(), baseUrl);
    } catch {
      return refuse('is not a URL');
    }
    if (v.trim() === '' || (url.protocol !== 'http:' && url.protocol !== 'https:')) return refuse('is not an http(s) URL');
    return ok(url.href);
  };
}

function oneOf<const T extends string>(values: readonly T[], reason: string): Check<T> {
  return (v) => ((values as readonly string[]).includes(v) ? ok(v as T) : refuse(reason));
}

/** A number as `Number()` reads it (`''` is 0, as zod's `coerce` read it), between `min` and `max`. */
function numberCheck(min: number, max: number, whole: boolean): Check<number> {
  const expected = whole ? 'expected a whole number' : 'expected a number';
  return (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) return refuse(expected);
    if (n < min) return refuse(`must be ${min} or more`);
    if (n > max) return refuse(`must be at most ${max}`);
    return ok(n);
  };
}

function checks(baseUrl: string) {
  const scenarioIds = Object.keys(scenarios);
  const httpUrl = httpUrlCheck(baseUrl);
  const themes = oneOf(['light', 'dark', 'auto', 'system'], 'expected light, dark or auto');
  return {
    scenario: (v: string) => (Object.hasOwn(scenarios, v) ? ok(v) : refuse(`is not a built-in scenario (built-in: ${scenarioIds.join(', ')})`)),
    compose: httpUrl,
    events: httpUrl,
    theme: (v: string): Checked<EmbedTheme> => {
      const theme = themes(v);
      return theme.ok && theme.value === 'system' ? ok('auto') : (theme as Checked<EmbedTheme>);
    },
    controls: oneOf(['full', 'compact', 'none'], 'expected full, compact or none'),
    select: (v: string) => (CONTAINER_NAME.test(v) ? ok(v) : refuse('is not a container name')),
    story: (v: string): Checked<StoryRef> => {
      const value = v.trim();
      if ((BUILTIN_STORY_IDS as readonly string[]).includes(value)) return ok({ kind: 'builtin', id: value });
      // A bare word that is not a built-in id is a typo, not a relative URL.
      if (/^[a-z0-9-]+$/i.test(value)) {
        return refuse(`is not a built-in story (built-in: ${BUILTIN_STORY_IDS.join(', ')}) nor a URL of a .json or .yaml file`);
      }
      const url = httpUrl(value);
      return url.ok ? ok({ kind: 'url', url: url.value }) : refuse('is neither a built-in story nor an http(s) URL');
    },
    step: numberCheck(0, 1000, true),
    speed: numberCheck(0, 100, false),
    readonly: booleanCheck,
    fit: booleanCheck,
    learn: booleanCheck,
    persist: booleanCheck,
    'reset-on-enter': booleanCheck,
  } satisfies Record<Exclude<EmbedParamName, 'lang' | 'allow-origins'>, Check<unknown>>;
}

function entriesOf(input: EmbedParamsInput): Array<[string, string]> {
  if (typeof input === 'string' || input instanceof URLSearchParams) {
    const params = typeof input === 'string' ? new URLSearchParams(input) : input;
    const seen = new Set<string>();
    const out: Array<[string, string]> = [];
    // The first of repeated parameters wins, as `URLSearchParams.get` reads it.
    for (const [name, value] of params) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push([name, value]);
    }
    return out;
  }
  return Object.entries(input).filter((e): e is [string, string] => typeof e[1] === 'string');
}

function show(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}

/** One origin, exactly `scheme://host[:port]` (http or https). */
function isOrigin(item: string): boolean {
  try {
    const url = new URL(item);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === item.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** Parses and validates an origin list (`https://a.example, http://localhost:8080`). */
export function parseAllowOrigins(value: string): { origins: string[]; problems: string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    if (item === '*') {
      problems.push('allow-origins does not accept "*": list each origin allowed to drive this embed (e.g. https://slides.example).');
      continue;
    }
    if (!isOrigin(item)) {
      problems.push(`allow-origins: ${show(item)} is not an origin (scheme://host[:port], e.g. https://slides.example); ignored.`);
      continue;
    }
    const origin = new URL(item).origin;
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, problems };
}

/** `en`, `en-GB`, …: the only language there is. */
const ENGLISH = /^en(-[a-z0-9]{1,8})*$/i;

/** The language asked for, or a problem: only English exists. */
function parseLang(value: string): string | null {
  if (ENGLISH.test(value.trim())) return null;
  return `This embed is available in English only (lang=${show(value)}); showing English.`;
}

/**
 * Parses embed parameters. Never throws: every problem is reported in `problems` and the
 * default is kept for that parameter.
 */
export function parseEmbedParams(input: EmbedParamsInput, context: ParseEmbedParamsContext): ParsedEmbedParams {
  const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS, allowOrigins: [] };
  const problems: string[] = [];
  const s = checks(context.baseUrl);
  const unknown: string[] = [];

  for (const [name, value] of entriesOf(input)) {
    if (!(EMBED_PARAM_NAMES as readonly string[]).includes(name)) {
      unknown.push(name);
      continue;
    }
    const key = name as EmbedParamName;
    if (key === 'lang') {
      const problem = parseLang(value);
      if (problem) problems.push(problem);
      continue;
    }
    if (key === 'allow-origins') {
      const parsed = parseAllowOrigins(value);
      options.allowOrigins = parsed.origins;
      problems.push(...parsed.problems);
      continue;
    }
    const result = s[key](value);
    if (!result.ok) {
      const reason = result.reason;
      const fallback = describeDefault(key);
      problems.push(`${key}=${show(value)} ${reason.startsWith('expected') || reason.startsWith('must') ? `is not valid (${reason})` : reason}; ${fallback}.`);
      continue;
    }
    assign(options, key, result.value);
  }

  const unknownProblem = context.reportUnknown === false ? null : unknownParamsProblem(unknown, EMBED_PARAM_NAMES);
  if (unknownProblem) problems.push(unknownProblem);
  if (options.step !== null && options.story === null) {
    problems.push('step needs a story (story=<id or URL>); ignored.');
    options.step = null;
  }
  return { options, problems };
}

function assign(options: EmbedOptions, key: Exclude<EmbedParamName, 'lang' | 'allow-origins'>, value: unknown): void {
  switch (key) {
    case 'scenario':
      options.scenario = value as string;
      break;
    case 'compose':
      options.compose = value as string;
      break;
    case 'events':
      options.events = value as string;
      break;
    case 'theme':
      options.theme = value as EmbedTheme;
      break;
    case 'controls':
      options.controls = value as EmbedControls;
      break;
    case 'select':
      options.select = value as string;
      break;
    case 'story':
      options.story = value as StoryRef;
      break;
    case 'step':
      options.step = value as number;
      break;
    case 'speed':
      options.speed = value as number;
      break;
    case 'readonly':
      options.readonly = value as boolean;
      break;
    case 'fit':
      options.fit = value as boolean;
      break;
    case 'learn':
      options.learn = value as boolean;
      break;
    case 'persist':
      options.persist = value as boolean;
      break;
    case 'reset-on-enter':
      options.resetOnEnter = value as boolean;
      break;
  }
}

function describeDefault(key: EmbedParamName): string {
  switch (key) {
    case 'scenario':
      return `showing the default scenario (${DEFAULT_SCENARIO})`;
    case 'compose':
    case 'events':
      return 'showing the scenario instead';
    case 'story':
      return 'no story is loaded';
    case 'select':
    case 'step':
      return 'ignored';
    default: {
      const value = DEFAULT_EMBED_OPTIONS[key === 'allow-origins' ? 'allowOrigins' : key === 'reset-on-enter' ? 'resetOnEnter' : key];
      return `using the default (${typeof value === 'boolean' ? (value ? '1' : '0') : String(value)})`;
    }
  }
}

/**
 * The options as parameters again (only those that differ from the defaults), e.g. to
 * build the embed page's URL for a custom element's "Copy link".
 */
export function embedParamsOf(options: EmbedOptions): URLSearchParams {
  const params = new URLSearchParams();
  const d = DEFAULT_EMBED_OPTIONS;
  if (options.scenario !== d.scenario) params.set('scenario', options.scenario);
  if (options.compose) params.set('compose', options.compose);
  if (options.events) params.set('events', options.events);
  if (options.theme !== d.theme) params.set('theme', options.theme);
  if (options.controls !== d.controls) params.set('controls', options.controls);
  if (options.select) params.set('select', options.select);
  if (options.story) params.set('story', options.story.kind === 'builtin' ? options.story.id : options.story.url);
  if (options.step !== null) params.set('step', String(options.step));
  if (options.speed !== d.speed) params.set('speed', String(options.speed));
  if (options.readonly) params.set('readonly', '1');
  if (options.fit) params.set('fit', '1');
  if (!options.learn) params.set('learn', '0');
  if (options.persist) params.set('persist', '1');
  if (options.resetOnEnter) params.set('reset-on-enter', '1');
  if (options.allowOrigins.length > 0) params.set('allow-origins', options.allowOrigins.join(','));
  return params;
}
