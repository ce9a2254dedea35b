/**
 * `<ContainerLifecycle />`: the widget as a React component, for React decks (Spectacle,
 * MDX) and pages. Same options as the embed page's URL parameters, as props. It renders
 * into its own shadow root with all of its styles (nothing to import, nothing leaks
 * either way).
 *
 *   import { ContainerLifecycle } from 'container-lifecycle/react';
 *   <ContainerLifecycle story="typical-flow" theme="dark" controls="compact" style={{ height: 480 }} />
 */
import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import type { EmbedController } from './embedController';
import { parseEmbedParams, type EmbedControls, type EmbedTheme } from './embedParams';
import { createStateBatcher, type ContainerStates } from './protocol';
import { createEmbedController } from './createEmbedController';
import { EmbedWidget } from './EmbedWidget';
import { adoptWidgetStyles } from './shadowStyles';

export type { ContainerStates } from './protocol';
export type { EmbedController } from './embedController';

/** Props of {@link ContainerLifecycle}: the embed page's URL parameters, camel-cased. */
export interface ContainerLifecycleProps {
  /** Built-in scenario id. @default 'ecommerce' */
  scenario?: string;
  /** URL of a compose file (same origin or CORS-enabled) shown instead of the scenario. @default none */
  compose?: string;
  /** URL of a `docker events` log to replay (with Play, Pause, Step, Skip to end) instead of the scenario. @default none */
  events?: string;
  /** Colour theme; `auto` follows `prefers-color-scheme`. @default 'auto' */
  theme?: EmbedTheme;
  /** `full`: toolbar and event log; `compact`: a slim toolbar; `none`: the diagram only. @default 'compact' */
  controls?: EmbedControls;
  /** Container selected at start. @default none */
  select?: string;
  /** Built-in story id (`typical-flow`, `graceful-vs-forced`, `crash-loop`, `dependency-fails`) or URL of a JSON/YAML story. @default none */
  story?: string;
  /** Story step to open at (0 = before the first step). @default 0 */
  step?: number;
  /** Simulation speed, simulated ms per real ms (paused during a story). @default 1 */
  speed?: number;
  /** No commands or Reset for the viewer (story, export and link stay). @default false */
  readonly?: boolean;
  /** Lock the view: the whole architecture always in view, no wheel zoom or drag pan. @default false */
  fit?: boolean;
  /** Language; only `en` exists (others show a message and fall back to English). @default 'en' */
  lang?: string;
  /** Origins (besides the page's own) allowed to drive the widget with postMessage. @default [] */
  allowOrigins?: readonly string[];
  /** `id` of the host element (part of the saved-state key; the `target` of postMessage). */
  id?: string;
  className?: string;
  /** Style of the host element. @default { display: 'block', width: '100%', height: 480 } */
  style?: CSSProperties;
  /** URL of a hosted `embed.html` for "Copy link". @default the current page (which then restores `#state=` from its own URL) */
  shareUrl?: string;
  /** Every container's status after changes, at most once per animation frame. */
  onStateChange?: (containers: ContainerStates) => void;
  /** The controller, once created (commands, story steps, reset: `send`, `step`, `back`, `reset`, `getState`). */
  onReady?: (controller: EmbedController) => void;
}

function paramsOf(props: ContainerLifecycleProps): Record<string, string | null> {
  const bool = (v: boolean | undefined) => (v === undefined ? null : v ? '1' : '0');
  return {
    scenario: props.scenario ?? null,
    compose: props.compose ?? null,
    events: props.events ?? null,
    theme: props.theme ?? null,
    controls: props.controls ?? null,
    select: props.select ?? null,
    story: props.story ?? null,
    step: props.step === undefined ? null : String(props.step),
    speed: props.speed === undefined ? null : String(props.speed),
    readonly: bool(props.readonly),
    fit: bool(props.fit),
    lang: props.lang ?? null,
    'allow-origins': props.allowOrigins?.join(',') ?? null,
  };
}

/** The container lifecycle widget. */
export function ContainerLifecycle(props: ContainerLifecycleProps) {
  const { id, className, style, shareUrl, onStateChange, onReady } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const [mount, setMount] = useState<HTMLElement | null>(null);
  const paramsKey = JSON.stringify(paramsOf(props));
  const parsed = useMemo(() => parseEmbedParams(JSON.parse(paramsKey) as Record<string, string | null>, { baseUrl: document.baseURI, reportUnknown: false }), [paramsKey]);
  const [controller, setController] = useState<EmbedController | null>(null);
  // What is shown (scenario, compose file, story) needs a new controller; the rest is applied live.
  const { scenario, compose, events, story } = parsed.options;
  const generation = JSON.stringify([scenario, compose, events, story]);
  // The options of the latest render, read when a new controller is made (not a reason to make one).
  const makeController = useEffectEvent((embedId: string | null, readHash: boolean) =>
    createEmbedController({ options: parsed.options, problems: parsed.problems, embedId, readHash }),
  );

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    adoptWidgetStyles(shadow);
    // StrictMode runs this twice: reuse the mount made the first time.
    let node = shadow.querySelector<HTMLElement>('.cl-mount');
    if (!node) {
      node = host.ownerDocument.createElement('div');
      node.className = 'cl-mount';
      shadow.append(node);
    }
    setMount(node);
  }, []);

  const readHash = shareUrl === undefined;
  useEffect(() => {
    const c = makeController(id ?? null, readHash);
    // Shown once a save's or a story's code is there (no start state shown for a moment);
    // set from the promise's callback, never synchronously in the effect.
    let cancelled = false;
    void (c.firstView ?? Promise.resolve()).then(() => !cancelled && setController(c));
    return () => {
      cancelled = true;
      c.dispose();
      setController((current) => (current === c ? null : current));
    };
  }, [generation, id, readHash]);

  useEffect(() => {
    if (controller && controller.options !== parsed.options) controller.update(parsed.options);
  }, [controller, parsed.options]);

  useEffect(() => {
    if (controller) onReady?.(controller);
  }, [controller, onReady]);

  const publishState = useEffectEvent((containers: ContainerStates) => onStateChange?.(containers));
  useEffect(() => {
    if (!controller) return;
    const batcher = createStateBatcher({
      schedule: { request: (cb) => requestAnimationFrame(() => cb()), cancel: (h) => cancelAnimationFrame(h as number) },
      read: () => controller.getState(),
      publish: (containers) => publishState(containers),
    });
    const stop = controller.onChange(() => batcher.markDirty());
    batcher.markDirty();
    return () => {
      stop();
      batcher.dispose();
    };
  }, [controller]);

  const share = () => {
    if (shareUrl) return new URL(shareUrl, document.baseURI).href;
    const url = new URL(window.location.href);
    url.hash = '';
    return url.href;
  };

  return (
    <div ref={hostRef} id={id} className={className} style={{ display: 'block', width: '100%', height: 480, ...style }}>
      {mount && controller ? createPortal(<EmbedWidget key={generation} controller={controller} mode="shadow" shareUrl={share} />, mount) : null}
    </div>
  );
}
