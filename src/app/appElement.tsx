/** The app page's React tree for a boot state: the same for the page and for the build's prerender. */
import { StrictMode, type ReactElement } from 'react';
import { App } from './App';
import type { AppBoot } from './bootApp';

export function appElement(boot: AppBoot): ReactElement {
  return (
    <StrictMode>
      <App store={boot.store} scenario={boot.scenario} initialTheme={boot.initialTheme} compose={boot.compose} />
    </StrictMode>
  );
}
