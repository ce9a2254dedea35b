/** Entry point of the app page: picks the scenario from the URL and mounts (or hydrates) the shell. */
import { appElement } from './appElement';
import { bootApp } from './bootApp';
import { applyTheme } from './theme';
import { pageRoot } from '../react/startPage';
import './theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The build prerendered the page without parameters (src/prerender): that one hydrates.
const page = pageRoot(root, window.location.search === '');
const boot = bootApp(window.location.search);
applyTheme(document.documentElement, boot.initialTheme);
// `?compose=<url>` (repeated: `-f` files in that order): fetched once; until it loads (or if
// it fails, with an alert) the scenario shows.
const composeUrls = new URLSearchParams(window.location.search).getAll('compose');
if (composeUrls.length > 0) void boot.compose.loadUrls(composeUrls);

page.mount(appElement(boot), boot.store.get().session.clock);
