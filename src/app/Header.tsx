/** The page header: title, scenario, simulation speed, legend and theme toggles, Reset. */
import type { ReactNode } from 'react';
import { SpeedControl } from '../features/runtime/SpeedControl';
import type { ThemeChoice } from './theme';

/** Props of {@link Header}. */
export interface HeaderProps {
  /** Display name of the running scenario (truncated, full text in its title). */
  scenarioTitle: string;
  /** Whether the legend is shown (the toggle's `aria-expanded`). */
  legendOpen: boolean;
  /** Id of the legend element the toggle controls. */
  legendId: string;
  onToggleLegend: () => void;
  /** Current colour theme, shown on the theme toggle. */
  theme: ThemeChoice;
  /** Cycles auto → light → dark. */
  onToggleTheme: () => void;
  /** Stops the architecture and starts a fresh one. */
  onReset: () => void;
  /** Extra tools placed first in the toolbar (e.g. the file pickers). */
  children?: ReactNode;
}

const THEME_LABEL: Record<ThemeChoice, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

/** The header bar. */
export function Header({ scenarioTitle, legendOpen, legendId, onToggleLegend, theme, onToggleTheme, onReset, children }: HeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-header__title">Container lifecycle</h1>
      <p className="app-header__scenario" title={scenarioTitle}>
        <span className="app-header__scenario-label">Scenario</span> {scenarioTitle}
      </p>
      <div className="app-header__tools">
        {children}
        <SpeedControl />
        <button type="button" className="tool-button" aria-expanded={legendOpen} aria-controls={legendId} onClick={onToggleLegend}>
          Legend
        </button>
        <button type="button" className="tool-button" onClick={onToggleTheme} title="Colour theme: auto, light or dark">
          Theme: {THEME_LABEL[theme]}
        </button>
        <button type="button" className="tool-button tool-button--primary" onClick={onReset} title="Stop everything and start the scenario again">
          Reset
        </button>
      </div>
    </header>
  );
}
