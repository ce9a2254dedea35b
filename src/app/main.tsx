/** Entry point of the app page: picks the scenario from the URL and mounts the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createComposeController } from '../features/compose/composeController';
import { App } from './App';
import { scenarioFromUrl } from './scenarioFromUrl';
import { createSessionStore } from './sessionStore';
import { applyTheme, themeFromUrl } from './theme';
import './theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const scenario = scenarioFromUrl(window.location.search);
const initialTheme = themeFromUrl(window.location.search);
applyTheme(document.documentElement, initialTheme);
const store = createSessionStore({ kind: 'spec', spec: scenario.spec, title: scenario.title });
// `?compose=<url>` (repeated: `-f` files in that order): fetched once; until it loads (or if
// it fails, with an alert) the scenario shows.
const compose = createComposeController(store);
const composeUrls = new URLSearchParams(window.location.search).getAll('compose');
if (composeUrls.length > 0) void compose.loadUrls(composeUrls);

createRoot(root).render(
  <StrictMode>
    <App store={store} scenario={scenario} initialTheme={initialTheme} compose={compose} />
  </StrictMode>,
);
