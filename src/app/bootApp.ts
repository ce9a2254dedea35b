/**
 * The app page's starting state from its URL: the scenario, the theme, the session store
 * and the compose controller. One function for the page (main.tsx) and for the build's
 * prerender (src/prerender), so the prerendered first view is the one that hydrates.
 */
import { createComposeController, type ComposeController } from '../features/compose/composeController';
import { scenarioFromUrl, type ScenarioChoice } from './scenarioFromUrl';
import { createSessionStore, type SessionStore } from './sessionStore';
import { themeFromUrl, type ThemeChoice } from './theme';

export interface AppBoot {
  scenario: ScenarioChoice;
  initialTheme: ThemeChoice;
  store: SessionStore;
  compose: ComposeController;
}

/** The app's starting state for `search` (`location.search`; `''` for the prerendered page). */
export function bootApp(search: string): AppBoot {
  const scenario = scenarioFromUrl(search);
  const store = createSessionStore({ kind: 'spec', spec: scenario.spec, title: scenario.title });
  return { scenario, initialTheme: themeFromUrl(search), store, compose: createComposeController(store) };
}
