/**
 * Entry point of the live page (`live.html`, served by `container-lifecycle live`): the
 * app shell driven by the real engine instead of the simulation, under the live banner.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app/App';
import { applyTheme, themeFromUrl } from '../app/theme';
import '../app/theme.css';
import { LiveBanner } from './LiveBanner';
import { openLiveConnection } from './liveConnection';
import { createLiveStore } from './liveStore';

const root = document.getElementById('root');
if (!root) throw new Error('live.html has no #root element');

const initialTheme = themeFromUrl(window.location.search);
applyTheme(document.documentElement, initialTheme);
const store = createLiveStore();
store.attach(
  openLiveConnection(window.location.href, {
    message: (m) => store.receive(m),
    bridge: (open) => store.bridge(open),
  }),
);
const spec = store.get().session.architecture.spec;

createRoot(root).render(
  <StrictMode>
    <div className="live-page">
      <LiveBanner store={store} />
      {/* The architecture's mode is 'live': the buttons, chart and policy form ask it (modeRefusal). */}
      <App store={store} scenario={{ id: 'live', title: 'Live', spec, error: null }} initialTheme={initialTheme} />
    </div>
  </StrictMode>,
);
