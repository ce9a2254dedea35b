/**
 * The chromeless widget: the architecture canvas filling its box, the story caption over
 * it, a slim toolbar (controls=compact|full), the event log (controls=full), input
 * problems in a dismissible `role="alert"`. Shared by the embed page, the custom element
 * and the React component; the controller owns the state, this only renders and calls it.
 */
import { Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type RefObject, type SyntheticEvent } from 'react';
import { ArchitectureCanvas } from '../features/architecture/ArchitectureCanvas';
import { CaptionOverlay } from './components/CaptionOverlay';
import { EmbedAlerts } from './components/EmbedAlerts';
import { RestoredHint } from './components/RestoredHint';
import { useEmbedView } from './components/useEmbedView';
import type { EmbedController } from './embedController';
import type { ImageFormat } from './exportImage';
import { LearnProvider } from '../features/log/learn/LearnContext';
import { EventLog } from '../features/log/EventLog';
import { LiveAnnouncer } from '../features/log/LiveAnnouncer';
import { ReplayCanvasEmpty } from '../features/replay/ReplayCanvasEmpty';
import { lazyReplayPanel } from '../features/replay/lazyReplayPanel';
import { SessionContext } from '../react/sessionContext';
import { EmbedToolbar } from './EmbedToolbar';
import { FitGuard } from './FitGuard';
import { keepFocus } from './focus';
import { ScaleFrame } from './ScaleFrame';
import { useEmbedKeys } from './useEmbedKeys';
import './embed.css';

/** Shown only with a replayed events log: its own chunk on the pages. */
const ReplayPanel = lazyReplayPanel.Component;

/** Props of {@link EmbedWidget}. */
export interface EmbedWidgetProps {
  controller: EmbedController;
  /** `page`: embed.html (the whole document); `shadow`: a custom element or the React component. */
  mode: 'page' | 'shadow';
  /** The page "Copy link" points to (the state goes in its hash). */
  shareUrl: () => string;
  /** Posts an unused navigation key to the parent frame (embed page only). */
  forwardKey?: (key: string, shiftKey: boolean) => void;
}

/** Stops wheel and drag from reaching the canvas's pan/zoom (fit=1), clicks still select. */
function lockView(event: SyntheticEvent) {
  const target = event.target as Element | null;
  if (event.type === 'wheel' || !target?.closest?.('.react-flow__node, .react-flow__controls, button')) event.stopPropagation();
}

/** Below this width of its own (CSS px, before any deck scaling) the widget's chrome takes one compact row. */
const NARROW_PX = 900;

/** Whether the widget is narrow (see NARROW_PX), following its size. */
function useNarrow(ref: RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => {
      // offsetWidth is the layout width: a deck's transform scale does not change it; 0 while hidden.
      if (el.offsetWidth > 0) setNarrow(el.offsetWidth < NARROW_PX);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}

export function EmbedWidget({ controller, mode, shareUrl, forwardKey }: EmbedWidgetProps) {
  const view = useEmbedView(controller);
  const { session, generation } = useSyncExternalStore(controller.store.subscribe, controller.store.get, controller.store.get);
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLElement>(null);
  const [captionSpace, setCaptionSpace] = useState(0);
  const narrow = useNarrow(rootRef);
  useEmbedKeys({ controller, rootRef, mode, ...(forwardKey ? { forwardKey } : {}) });
  const { options, story } = view;
  const colorMode = options.theme === 'auto' ? 'system' : options.theme;

  const withFocus = useCallback((fn: () => void) => {
    const root = rootRef.current;
    if (root) keepFocus(root, fn);
    else fn();
  }, []);

  const onExport = useCallback(
    (format: ImageFormat) => {
      const canvas = stageRef.current?.querySelector<HTMLElement>('.react-flow');
      if (!canvas) return;
      controller.notice(`Exporting ${format.toUpperCase()}…`);
      const project = controller.session.architecture.spec.project;
      // The export (and html-to-image inside it) loads with the first export, not with the widget.
      import('./exportImage')
        .then(({ exportFileName, exportView }) => exportView(canvas, format, exportFileName(project, format)))
        .then(() => controller.notice(null))
        .catch((cause: unknown) => {
          controller.notice(null);
          controller.alert(`The ${format.toUpperCase()} export failed: ${cause instanceof Error ? cause.message : String(cause)}`);
        });
    },
    [controller],
  );

  const onCopyLink = useCallback(() => {
    const made = controller.makeLink(shareUrl());
    if (!made.ok) {
      controller.alert(made.error);
      return;
    }
    const done = () => {
      controller.notice('Link copied');
      setTimeout(() => controller.notice(null), 2000);
    };
    const clipboard = (rootRef.current?.ownerDocument.defaultView ?? window).navigator.clipboard;
    if (!clipboard) {
      controller.showLink(made.link);
      return;
    }
    clipboard.writeText(made.link).then(done, () => controller.showLink(made.link));
  }, [controller, shareUrl]);

  const lock = options.fit ? { onWheelCapture: lockView, onMouseDownCapture: lockView, onTouchStartCapture: lockView, onDoubleClickCapture: lockView } : {};

  return (
    <div
      ref={rootRef}
      className="cl-root cl-embed"
      data-theme={options.theme === 'auto' ? undefined : options.theme}
      data-controls={options.controls}
      data-fit-lock={options.fit ? '' : undefined}
      data-readonly={options.readonly ? '' : undefined}
      tabIndex={-1}
    >
      <EmbedAlerts alerts={view.alerts} onDismiss={() => controller.dismissAlerts()} />
      {view.link ? (
        <div className="cl-link">
          <label>
            Copy this link <input readOnly value={view.link} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="cl-button" onClick={() => controller.showLink(null)}>
            Close
          </button>
        </div>
      ) : null}
      <SessionContext value={session} key={generation}>
        {options.controls === 'none' ? null : (
          <EmbedToolbar
            view={view}
            onBack={() => withFocus(() => controller.back())}
            onNext={() => withFocus(() => controller.step())}
            onReset={() => withFocus(() => controller.reset())}
            onExport={onExport}
            onCopyLink={onCopyLink}
            onCompose={(action) => controller.compose(action)}
            narrow={narrow}
          />
        )}
        {session.replay && options.controls !== 'none' ? (
          <Suspense fallback={null}>
            <ReplayPanel replay={session.replay} title={session.source.title} />
          </Suspense>
        ) : null}
        <div className="cl-body">
          <section
            ref={stageRef}
            className="cl-stage"
            aria-label="Architecture"
            style={{ '--cl-caption-space': `${captionSpace}px` } as CSSProperties}
            {...lock}
          >
            <div className="cl-canvas">
              <ScaleFrame>
                <ArchitectureCanvas colorMode={colorMode}>
                  <FitGuard stageRef={stageRef} fitKey={`${options.controls}|${story?.position ?? ''}|${view.alerts.length}|${captionSpace}`} />
                </ArchitectureCanvas>
              </ScaleFrame>
            </div>
            {session.replay ? <ReplayCanvasEmpty /> : null}
            {view.restored ? (
              <RestoredHint
                {...(options.readonly ? {} : { onReset: () => withFocus(() => controller.reset()) })}
                onDismiss={() => controller.dismissRestored()}
              />
            ) : null}
            <CaptionOverlay story={story} onSpace={setCaptionSpace} />
          </section>
          {options.controls === 'full' ? (
            <div className="cl-log">
              <LearnProvider learn={options.learn}>
                <EventLog />
              </LearnProvider>
            </div>
          ) : null}
        </div>
        <LiveAnnouncer />
      </SessionContext>
      {view.notice ? (
        <p role="status" className="cl-notice">
          {view.notice}
        </p>
      ) : null}
    </div>
  );
}
