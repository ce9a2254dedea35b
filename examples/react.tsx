/**
 * The widget in React: a page, a Spectacle deck, or MDX. The component renders into its
 * own shadow root with its styles: nothing else to import.
 *
 *   npm install container-lifecycle      (peer: react and react-dom 19)
 */
import { useState } from 'react';
import { ContainerLifecycle, type ContainerStates, type EmbedController } from 'container-lifecycle/react';

/** A slide with the "typical flow" story; → steps it once the widget has focus. */
export function LifecycleSlide() {
  const [states, setStates] = useState<ContainerStates>({});
  const [controller, setController] = useState<EmbedController | null>(null);
  return (
    <section>
      <h2>One container, step by step</h2>
      <ContainerLifecycle
        story="typical-flow" // or crash-loop, graceful-vs-forced, dependency-fails, or a URL of a JSON/YAML story
        theme="dark" //         light | dark | auto (default)
        controls="compact" //   full | compact (default) | none
        fit //                  keep the whole architecture in view, no zoom or pan
        style={{ height: 520 }}
        onStateChange={setStates} // at most once per animation frame
        onReady={setController}
      />
      <p>order-service is {states['order-service'] ?? '…'}</p>
      <button type="button" onClick={() => controller?.step()}>Next step</button>
      <button type="button" onClick={() => controller?.send('redis', { type: 'pause' })}>Pause redis</button>
    </section>
  );
}

/*
 * Spectacle:
 *   <Slide><ContainerLifecycle story="graceful-vs-forced" controls="none" fit style={{ height: 500 }} /></Slide>
 *
 * MDX:
 *   import { ContainerLifecycle } from 'container-lifecycle/react'
 *
 *   <ContainerLifecycle story="crash-loop" readonly />
 *
 * The machines alone (no React): import { createTestArchitecture } from 'container-lifecycle'.
 */
