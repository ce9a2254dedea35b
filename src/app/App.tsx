/**
 * The app shell: provides the current session, lays out the panels (header, legend,
 * canvas, side panel with actions and the state chart, event log) and handles Reset.
 */
import { Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ActionPanelProps } from '../features/actions/ActionPanel';
import { InspectSection } from '../features/inspect/InspectSection';
import { ArchitectureCanvas } from '../features/architecture/ArchitectureCanvas';
import { Legend } from '../features/architecture/Legend';
import { createComposeController, type ComposeController } from '../features/compose/composeController';
import { ComposeToolbar } from '../features/compose/ComposeToolbar';
import { EventLog, preloadLogEntries } from '../features/log/EventLog';
import { LiveAnnouncer } from '../features/log/LiveAnnouncer';
import { EventsLogTools } from '../features/replay/EventsLogTools';
import { ReplayCanvasEmpty } from '../features/replay/ReplayCanvasEmpty';
import { lazyReplayPanel } from '../features/replay/lazyReplayPanel';
import { useEventsFromUrl } from '../features/replay/useEventsFromUrl';
import { useEventsLogDrop } from '../features/replay/useEventsLogDrop';
import { useEventsLogLoading } from '../features/replay/useEventsLogLoading';
import { EventsLogProgress } from '../features/replay/EventsLogProgress';
import { preloadLayoutEngine } from '../model/layout/architectureLayouts';
import { lazyPasteDialog } from '../react/paste/lazyPasteDialog';
import { AfterIdle, preloadable, whenIdle } from '../react/loadLater';
import type { SessionSource } from '../model/session/sessionSource';
import { SessionContext } from '../react/sessionContext';
import { useMediaQuery } from '../react/useMediaQuery';
import { useSelectedContainer } from '../react/useSession';
import { ChartSlot, lazyChart } from './ChartSlot';
import { Header } from './Header';
import { InputAlert } from './InputAlert';
import { searchForExample } from './exampleInUrl';
import type { ScenarioChoice } from './scenarioFromUrl';
import type { SessionStore } from './sessionStore';
import { applyTheme, nextTheme, type ThemeChoice } from './theme';
import './App.css';

/** Props of {@link App}. */
export interface AppProps {
  /** Owns the running architecture; `reset()` replaces it. */
  store: SessionStore;
  /** The scenario chosen from the URL (with an error when the URL asked for an unknown one). */
  scenario: ScenarioChoice;
  /** Initial colour theme. Default `system`. */
  initialTheme?: ThemeChoice;
  /** Opens compose files into `store` (main.tsx makes one to load `?compose=`). Default: a new one. */
  compose?: ComposeController;
}

const LEGEND_ID = 'legend';

// Shown only for a selected container: loaded once the page is idle after its first paint
// (one chunk with the state chart, see ChartSlot), so the canvas comes first. The event
// log's entries and the replay panel are chunks of their own too.
const lazyRuntime = preloadable(() => import('./selectedPanels').then((m) => m.RuntimePanel));
const lazyStopStatus = preloadable(() => import('./selectedPanels').then((m) => m.StopStatus));
const lazyServicePanel = preloadable(() => import('./selectedPanels').then((m) => m.ServicePanel));
// The selected container's commands: the side panel mounts once the page is idle (AfterIdle), so its chunk is loaded then.
const lazyActionPanel = preloadable<ActionPanelProps>(() => import('../features/actions/ActionPanel').then((m) => m.ActionPanel));
const ActionPanel = lazyActionPanel.Component;
const RuntimePanel = lazyRuntime.Component;
const StopStatus = lazyStopStatus.Component;
const ServicePanel = lazyServicePanel.Component;
const ReplayPanel = lazyReplayPanel.Component;

/** Where the legend is open until the reader toggles it. */
const WIDE_ENOUGH_FOR_LEGEND = '(min-width: 1024px) and (min-height: 700px)';

/** The runtime and service panels, once a container is selected (their chunk is not loaded for nothing). */
function SelectedPanels({ compose }: { compose: ComposeController }) {
  const selected = useSelectedContainer();
  if (!selected) return null;
  return (
    <Suspense fallback={null}>
      <RuntimePanel />
      <InspectSection />
      <ServicePanel compose={compose} />
    </Suspense>
  );
}

/** The whole page. */
export function App({ store, scenario, initialTheme = 'system', compose: composeProp }: AppProps) {
  const { session, generation } = useSyncExternalStore(store.subscribe, store.get, store.get);
  const [compose] = useState(() => composeProp ?? createComposeController(store));
  // Open on a big enough window (following its size) until toggled; the prerendered page assumes one.
  const wide = useMediaQuery(WIDE_ENOUGH_FOR_LEGEND, true);
  const [legendToggled, setLegendToggled] = useState<boolean | null>(null);
  const legendOpen = legendToggled ?? wide;
  const [theme, setTheme] = useState<ThemeChoice>(initialTheme);
  const [alert, setAlert] = useState<string | null>(scenario.error);
  // docker events logs: picker and paste (header), drop anywhere, ?events=<url>.
  const loadReplay = useCallback(
    (source: SessionSource) => {
      setAlert(null);
      store.load(source);
    },
    [store],
  );
  const eventsLog = useEventsLogLoading(loadReplay, setAlert);
  useEventsLogDrop(eventsLog);
  useEventsFromUrl(eventsLog, setAlert);
  useEffect(() => {
    void preloadLogEntries(); // shown as soon as the canvas is painted
  }, []);
  useEffect(
    () =>
      whenIdle(() => {
        void lazyActionPanel.preload();
        void lazyPasteDialog.preload();
        void lazyChart.preload();
        void lazyRuntime.preload();
        void lazyStopStatus.preload();
        void lazyServicePanel.preload();
        preloadLayoutEngine(); // for a scale, or a compose file
      }),
    [],
  );

  // The Example list's choice goes into the URL (replaceState): a reload or a shared URL opens it again.
  useEffect(() => {
    let shown = compose.get().exampleId;
    return compose.subscribe(() => {
      const chosen = compose.get().exampleId;
      if (chosen === shown) return;
      shown = chosen;
      const search = chosen === null ? null : searchForExample(window.location.search, chosen);
      if (search === null || search === window.location.search) return;
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    });
  }, [compose]);

  const toggleTheme = () => {
    const next = nextTheme(theme);
    applyTheme(document.documentElement, next);
    setTheme(next);
  };

  return (
    <SessionContext value={session} key={generation}>
      <div className="app">
        <Header
          scenarioTitle={session.source.title}
          legendOpen={legendOpen}
          legendId={LEGEND_ID}
          onToggleLegend={() => setLegendToggled(!legendOpen)}
          theme={theme}
          onToggleTheme={toggleTheme}
          onReset={store.reset}
        >
          <EventsLogTools onLoad={loadReplay} loading={eventsLog} />
        </Header>
        {alert ? <InputAlert message={alert} onDismiss={() => setAlert(null)} /> : null}
        <ComposeToolbar controller={compose} />
        <EventsLogProgress loading={eventsLog} />
        {session.replay ? (
          <Suspense fallback={<p role="status" className="replay-loading">Loading the replay controls…</p>}>
            <ReplayPanel replay={session.replay} title={session.source.title} />
          </Suspense>
        ) : null}
        <Legend id={LEGEND_ID} hidden={!legendOpen} />
        <main className="workspace">
          <section className="workspace__canvas" aria-label="Architecture">
            <ArchitectureCanvas colorMode={theme} />
            {session.replay ? <ReplayCanvasEmpty /> : null}
          </section>
          {/* The side panel fills a fixed grid area: it mounts once the canvas is painted (so do the log's entries). */}
          <aside className="workspace__side" aria-label="Selected container">
            <AfterIdle>
              {/* One boundary: the panel's parts appear together once the command panel's chunk is there (nothing moves down). */}
              <Suspense fallback={null}>
                <ActionPanel
                  renderDetails={(entry, actor) => (
                    <Suspense fallback={null}>
                      <StopStatus name={entry.name} actor={actor} />
                    </Suspense>
                  )}
                />
                <SelectedPanels compose={compose} />
                <ChartSlot />
              </Suspense>
            </AfterIdle>
          </aside>
          <div className="workspace__log">
            <EventLog />
          </div>
        </main>
        <LiveAnnouncer />
      </div>
    </SessionContext>
  );
}
