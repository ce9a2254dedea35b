/**
 * The app shell: provides the current session, lays out the panels (header, legend,
 * canvas, side panel with actions and the state chart, event log) and handles Reset.
 */
import { useState, useSyncExternalStore } from 'react';
import { ActionPanel } from '../features/actions/ActionPanel';
import { ArchitectureCanvas } from '../features/architecture/ArchitectureCanvas';
import { Legend } from '../features/architecture/Legend';
import { EventLog } from '../features/log/EventLog';
import { LiveAnnouncer } from '../features/log/LiveAnnouncer';
import { SessionContext } from '../model/session/sessionContext';
import { ChartSlot } from './ChartSlot';
import { Header } from './Header';
import { InputAlert } from './InputAlert';
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
}

const LEGEND_ID = 'legend';

function wideEnoughForLegend(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 1024px) and (min-height: 700px)').matches;
}

/** The whole page. */
export function App({ store, scenario, initialTheme = 'system' }: AppProps) {
  const { session, generation } = useSyncExternalStore(store.subscribe, store.get);
  const [legendOpen, setLegendOpen] = useState(wideEnoughForLegend);
  const [theme, setTheme] = useState<ThemeChoice>(initialTheme);
  const [alert, setAlert] = useState<string | null>(scenario.error);

  const toggleTheme = () => {
    const next = nextTheme(theme);
    applyTheme(document.documentElement, next);
    setTheme(next);
  };

  return (
    <SessionContext value={session} key={generation}>
      <div className="app">
        <Header
          scenarioTitle={scenario.title}
          legendOpen={legendOpen}
          legendId={LEGEND_ID}
          onToggleLegend={() => setLegendOpen((open) => !open)}
          theme={theme}
          onToggleTheme={toggleTheme}
          onReset={store.reset}
        />
        {alert ? <InputAlert message={alert} onDismiss={() => setAlert(null)} /> : null}
        <Legend id={LEGEND_ID} hidden={!legendOpen} />
        <main className="workspace">
          <section className="workspace__canvas" aria-label="Architecture">
            <ArchitectureCanvas colorMode={theme} />
          </section>
          <aside className="workspace__side" aria-label="Selected container">
            <ActionPanel />
            <ChartSlot />
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
