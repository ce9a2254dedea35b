/**
 * Entry point of the live page (`live.html`, served by `container-lifecycle live`): the
 * app shell driven by the real engine instead of the simulation, under the live banner.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app/App';
import { applyTheme, themeFromUrl } from '../app/theme';
import '../app/theme.css';
import { PageRefusalContext, type PageRefusal } from '../react/pageRefusal';
import { LiveBanner } from './LiveBanner';
import { notLiveReason } from './liveOnly';
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
/** The buttons, chart and policy form do not offer what only the simulation does. */
const refusal: PageRefusal = (event) => notLiveReason(event.type);

createRoot(root).render(
  <StrictMode>
    <div className="live-page">
      <LiveBanner store={store} />
      <PageRefusalContext value={refusal}>
        <App store={store} scenario={{ id: 'live', title: 'Live', spec, error: null }} initialTheme={initialTheme} />
      </PageRefusalContext>
    </div>
  </StrictMode>,
);
