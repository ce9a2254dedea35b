/**
 * The bare React 19 + React Flow 12 page the app is compared with (bench/run.ts builds it
 * next to the app in the same run):
 * - no parameters: 500 static default nodes and 499 edges (the bundle figure's page);
 * - `?n=10`: n static container nodes in a row (the startup figure's page);
 * - `?drawing=<url>`: the app's drawing of the bench compose file (positions computed
 *   by bench/browser/composeSpec.ts), driven by the embed's postMessage protocol
 *   (`{ source: 'container-lifecycle', type: 'send', container, event }`), each command
 *   applied the idiomatic React Flow way: a new `nodes` array with one new node object
 *   (the render-under-load figure's page).
 * Container nodes carry `data-container` / `data-status` like the app's, so the bench
 * reads both pages with the same selectors.
 */
import { memo, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './baseline.css';

type BenchNodeData = { name: string; status: string };
type BenchFlowNode = Node<BenchNodeData, 'container'>;

/** The same shape of node as the app's: a box with a name, a status and two handles. */
const BenchNode = memo(function BenchNode({ data }: NodeProps<BenchFlowNode>) {
  return (
    <div className={`bench-node bench-node--${data.status}`} data-container={data.name} data-status={data.status}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="bench-node__name">{data.name}</span>
      <span className="bench-node__status">{data.status}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

/** A replica group box; its handles let edges end at the group, as the app's do. */
const BenchGroup = memo(function BenchGroup() {
  return (
    <div className="bench-group">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

const nodeTypes: NodeTypes = { container: BenchNode, benchGroup: BenchGroup };
/** As the app's FIT_VIEW_OPTIONS (src/features/architecture/FitOnResize.tsx). */
const fitViewOptions = { padding: 0.06, maxZoom: 1.15, minZoom: 0.2 };

/** Status after a command, for the commands the bench sends. */
const NEXT_STATUS: Record<string, string> = { pause: 'paused', unpause: 'running', start: 'running', restart: 'running', stop: 'exited', kill: 'exited' };

interface Drawing {
  containers: Array<{ id: string; x: number; y: number }>;
  groups: Array<{ id: string; x: number; y: number; width: number; height: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
  nodeWidth: number;
  nodeHeight: number;
}

function Flow({ initialNodes, edges, driven }: { initialNodes: Node[]; edges: Edge[]; driven: boolean }) {
  const [nodes, setNodes] = useState(initialNodes);
  useEffect(() => {
    if (!driven) return;
    const onMessage = (event: MessageEvent) => {
      const m = event.data as { source?: unknown; type?: unknown; container?: unknown; event?: { type?: unknown } } | null;
      if (event.origin !== location.origin || !m || m.source !== 'container-lifecycle' || m.type !== 'send') return;
      const status = NEXT_STATUS[String(m.event?.type)];
      if (!status || typeof m.container !== 'string') return;
      const id = m.container;
      setNodes((nds) => nds.map((n) => (n.id === id ? { ...n, data: { ...n.data, status } } : n)));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [driven]);
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
      >
        <Background gap={24} size={1.5} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function staticPage(): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = Array.from({ length: 500 }, (_, i) => ({
    id: `n${i}`,
    position: { x: (i % 25) * 240, y: Math.floor(i / 25) * 130 },
    data: { label: `container-${i}` },
  }));
  const edges: Edge[] = Array.from({ length: 499 }, (_, i) => ({ id: `e${i}`, source: `n${i + 1}`, target: `n${Math.floor(i / 2)}` }));
  return { nodes, edges };
}

/** `n` container nodes in a row, each calling the next (the default scenario's size). */
function rowPage(n: number): { nodes: Node[]; edges: Edge[] } {
  const nodes: BenchFlowNode[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    type: 'container',
    position: { x: (i % 5) * 292, y: Math.floor(i / 5) * 132 },
    width: 216,
    height: 104,
    data: { name: `c${i}`, status: 'running' },
  }));
  const edges: Edge[] = Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `c${i}`, target: `c${i + 1}` }));
  return { nodes, edges };
}

function drawingPage(d: Drawing): { nodes: Node[]; edges: Edge[] } {
  const groups: Node[] = d.groups.map((g) => ({ id: g.id, type: 'benchGroup', position: { x: g.x, y: g.y }, width: g.width, height: g.height, zIndex: -1, data: {} }));
  const containers: BenchFlowNode[] = d.containers.map((c) => ({
    id: c.id,
    type: 'container',
    position: { x: c.x, y: c.y },
    width: d.nodeWidth,
    height: d.nodeHeight,
    data: { name: c.id, status: 'running' },
  }));
  return { nodes: [...groups, ...containers], edges: d.edges.map((e) => ({ ...e })) };
}

async function main() {
  const params = new URLSearchParams(location.search);
  const drawingUrl = params.get('drawing');
  const n = Number(params.get('n') ?? '0');
  let page = staticPage();
  if (drawingUrl) page = drawingPage((await (await fetch(drawingUrl)).json()) as Drawing);
  else if (n > 0) page = rowPage(n);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Flow initialNodes={page.nodes} edges={page.edges} driven={drawingUrl !== null} />
    </StrictMode>,
  );
}

void main();
