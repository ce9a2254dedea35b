/**
 * Bundle-size baseline: the smallest page that does what the app's canvas does at its
 * core — React 19 + React Flow 12 with its stylesheet, 500 static nodes and a few edges.
 * Built by bench/run.ts (bundle bench) next to the real app; the app's size is reported
 * as a ratio of this one.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

const nodes: Node[] = Array.from({ length: 500 }, (_, i) => ({
  id: `n${i}`,
  position: { x: (i % 25) * 240, y: Math.floor(i / 25) * 130 },
  data: { label: `container-${i}` },
}));

const edges: Edge[] = Array.from({ length: 499 }, (_, i) => ({ id: `e${i}`, source: `n${i + 1}`, target: `n${Math.floor(i / 2)}` }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow nodes={nodes} edges={edges} fitView>
        <Background />
        <Controls />
      </ReactFlow>
    </div>
  </StrictMode>,
);
