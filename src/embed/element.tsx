/**
 * `<container-lifecycle>`: the widget as a custom element, from ONE module script
 * (`dist/container-lifecycle.js`, built by `vite.element.config.ts`). It renders into an
 * open shadow root that holds all of its styles. Attributes are the embed page's URL
 * parameters (`scenario`, `compose`, `theme`, `controls`, `select`, `story`, `step`,
 * `speed`, `readonly`, `fit`, `lang`, `allow-origins`); changing one updates the widget.
 *
 *   <script type="module" src="container-lifecycle.js"></script>
 *   <container-lifecycle story="typical-flow" theme="dark" style="height: 480px"></container-lifecycle>
 *
 * Also: methods `send(container, event)`, `compose(action)`, `step()`, `back()`,
 * `reset()`, `getState()`, `slideStart()` / `slideStop()` (the reveal.js plugin); a `statechange` event (`detail.containers`) at most once per
 * frame; and the postMessage protocol of the embed page on its window (messages may name
 * the element with `target: '<id>'`).
 */
import { createRoot, type Root } from 'react-dom/client';
import type { ComposeAction, ContainerEvent } from '../../machines';
import { needsRebuild, type EmbedController } from './embedController';
import { EMBED_PARAM_NAMES, embedParamsOf, parseEmbedParams, type EmbedOptions } from './embedParams';
import { attachMessageBridge, type MessageBridge } from './messageBridge';
import { createStateBatcher, type CommandResult, type ContainerStates, type StateBatcher } from './protocol';
import { createEmbedController } from './createEmbedController';
import { EmbedWidget } from './EmbedWidget';
import { adoptWidgetStyles } from './shadowStyles';

export const ELEMENT_NAME = 'container-lifecycle';

/** Detail of the `statechange` event. */
export interface StateChangeDetail {
  containers: ContainerStates;
}

export class ContainerLifecycleElement extends HTMLElement {
  static get observedAttributes(): string[] {
    return [...EMBED_PARAM_NAMES];
  }

  private root: Root | null = null;
  private mount: HTMLDivElement | null = null;
  private controllerValue: EmbedController | null = null;
  private bridge: MessageBridge | null = null;
  private events: StateBatcher | null = null;
  private stopEvents: (() => void) | null = null;
  private lastProblems: readonly string[] = [];
  private updateQueued = false;
  private generation = 0;

  connectedCallback(): void {
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      adoptWidgetStyles(shadow);
      this.mount = this.ownerDocument.createElement('div');
      this.mount.className = 'cl-mount';
      shadow.append(this.mount);
    }
    if (!this.root && this.mount) {
      this.root = createRoot(this.mount);
      this.build();
    }
  }

  disconnectedCallback(): void {
    // Moved in the document (disconnected then connected again at once): keep everything.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.teardown();
      this.root?.unmount();
      this.root = null;
    });
  }

  attributeChangedCallback(): void {
    if (!this.root || this.updateQueued) return;
    // Several attributes set in a row make one update.
    this.updateQueued = true;
    queueMicrotask(() => {
      this.updateQueued = false;
      this.applyAttributes();
    });
  }

  /** The controller behind the widget (for advanced hosts). */
  get controller(): EmbedController | null {
    return this.controllerValue;
  }

  /** Sends a Docker command (or process event) to a container. */
  send(container: string, event: ContainerEvent): CommandResult {
    return this.controllerValue?.send(container, event) ?? notReady();
  }

  /** `docker compose <action>`. */
  compose(action: ComposeAction): CommandResult {
    return this.controllerValue?.compose(action) ?? notReady();
  }

  /** Next story step. */
  step(): CommandResult {
    return this.controllerValue?.step() ?? notReady();
  }

  /** Previous story step (replayed from the start). */
  back(): CommandResult {
    return this.controllerValue?.back() ?? notReady();
  }

  /** Back to the start; forgets the saved state. */
  reset(): CommandResult {
    return this.controllerValue?.reset() ?? notReady();
  }

  /** Its slide was shown (the reveal.js plugin calls this): the clock runs; with `reset-on-enter` the story starts over. */
  slideStart(): void {
    this.controllerValue?.slideStart();
  }

  /** Its slide was hidden: the simulation clock stands still until `slideStart()`. */
  slideStop(): void {
    this.controllerValue?.slideStop();
    // A control focused on a hidden slide would keep the deck's keys (arrows move between nodes).
    (this.shadowRoot?.activeElement as HTMLElement | null)?.blur?.();
  }

  /** Container name → Docker status. */
  getState(): ContainerStates {
    return this.controllerValue?.getState() ?? {};
  }

  private parse() {
    const attributes: Record<string, string | null> = {};
    for (const name of EMBED_PARAM_NAMES) attributes[name] = this.getAttribute(name);
    return parseEmbedParams(attributes, { baseUrl: this.ownerDocument.baseURI, reportUnknown: false });
  }

  private applyAttributes(): void {
    const current = this.controllerValue;
    if (!current) return;
    const { options, problems } = this.parse();
    if (needsRebuild(current.options, options)) {
      this.build();
      return;
    }
    for (const problem of problems) if (!this.lastProblems.includes(problem)) current.alert(problem);
    this.lastProblems = problems;
    current.update(options);
  }

  private build(): void {
    this.teardown();
    const { options, problems } = this.parse();
    this.lastProblems = problems;
    const controller = createEmbedController({ options, problems, embedId: this.id || null });
    this.controllerValue = controller;
    this.bridge = attachMessageBridge({
      window: this.ownerDocument.defaultView ?? window,
      target: controller,
      allowOrigins: () => controller.options.allowOrigins,
      embedId: () => this.id || null,
      onChange: (listener) => controller.onChange(listener),
      read: () => controller.getState(),
      ready: controller.ready,
    });
    const win = this.ownerDocument.defaultView ?? window;
    const events = createStateBatcher({
      schedule: { request: (cb) => win.requestAnimationFrame(() => cb()), cancel: (h) => win.cancelAnimationFrame(h as number) },
      read: () => controller.getState(),
      publish: (containers) => this.dispatchEvent(new CustomEvent<StateChangeDetail>('statechange', { detail: { containers } })),
    });
    this.events = events;
    this.stopEvents = controller.onChange(() => events.markDirty());
    events.markDirty();
    this.generation += 1;
    const generation = this.generation;
    const render = () => {
      // Rebuilt (an attribute changed) or disconnected while the chunks loaded: that controller is gone.
      if (generation !== this.generation || this.controllerValue !== controller) return;
      this.root?.render(<EmbedWidget key={generation} controller={controller} mode="shadow" shareUrl={() => this.shareUrl(controller.options)} />);
    };
    // A story or a state to restore: their chunks first, as on the embed page, so the
    // widget does not show the start state (or no story) for a moment. Otherwise at once.
    if (controller.firstView) void controller.firstView.then(render);
    else render();
  }

  private teardown(): void {
    this.stopEvents?.();
    this.events?.dispose();
    this.bridge?.dispose();
    this.controllerValue?.dispose();
    this.stopEvents = null;
    this.events = null;
    this.bridge = null;
    this.controllerValue = null;
  }

  /** "Copy link" opens the embed page next to this script, with the same options. */
  private shareUrl(options: EmbedOptions): string {
    const url = new URL(/* @vite-ignore */ 'embed.html', import.meta.url);
    url.search = embedParamsOf(options).toString();
    return url.href;
  }
}

function notReady(): CommandResult {
  return { ok: false, error: 'the element is not connected' };
}

if (typeof customElements !== 'undefined' && !customElements.get(ELEMENT_NAME)) {
  customElements.define(ELEMENT_NAME, ContainerLifecycleElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'container-lifecycle': ContainerLifecycleElement;
  }
}
