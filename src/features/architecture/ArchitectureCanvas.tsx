/**
 * The architecture drawn with React Flow: one node per container, one edge per "calls"
 * (dependent → dependency), laid out left to right, fitted to the view. Replicas of a
 * service sit in one group box; services without containers are placeholders. The
 * layout follows the spec, so it runs again after a scale. The built-in scenario's layout
 * is precomputed; any other spec waits (in a `Suspense`) for the layout engine's chunk
 * if its loader did not start it already.
 */
import { Suspense, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import { Background, MiniMap, ReactFlow, type ColorMode, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { architectureGraph } from '../../model/layout/architectureGraph';
import { architectureLayout } from '../../model/layout/architectureLayouts';
import { useLayoutReady } from '../../react/useLayoutReady';
import { useMediaQuery } from '../../react/useMediaQuery';
import { LoadBoundary } from '../../react/loadLater';
import { useArchitecture, useContainerEntries, useSelection } from '../../react/useSession';
import { buildEdges, buildNodes, buildPlaceholderEdges, buildServiceNodes } from './buildFlow';
import { ContainerNode } from './ContainerNode';
import { DependencyEdge } from './DependencyEdge';
import { EdgeMarkers } from './EdgeMarkers';
import { FitOnResize } from './FitOnResize';
import { FitControls, FitOptions } from './FitOptions';
import { bigGraphFitOptions, FIT_VIEW_OPTIONS, MIN_ZOOM, MINIMAP_SIZE } from './fitViewOptions';
import type { ArchitectureFlowEdge, ArchitectureFlowNode, ContainerFlowNode, DependencyFlowEdge } from './flowTypes';
import { serviceTargets } from '../../model/layout/serviceSearch';
import { PlaceholderEdge } from './PlaceholderEdge';
import { ProjectLabel } from './ProjectLabel';
import { ServiceNode } from './ServiceNode';
import { ServiceSearch } from './ServiceSearch';
import { ZoomLevel } from './ZoomLevel';
import './ArchitectureCanvas.css';
import './SemanticZoom.css';

/** Module-level constants: React Flow re-creates every node when these change identity. */
const nodeTypes: NodeTypes = { container: ContainerNode, service: ServiceNode };
const edgeTypes: EdgeTypes = { dependency: DependencyEdge, placeholder: PlaceholderEdge };

/** Props of {@link ArchitectureCanvas}. */
export interface ArchitectureCanvasProps {
  /** React Flow's colour mode for its own controls. Default `system`. */
  colorMode?: ColorMode;
  /** Rendered inside `<ReactFlow>`, with the canvas's fit options (`useFitViewOptions`): the embed's `FitGuard`. */
  children?: ReactNode;
}

/**
 * The canvas size the first fit assumes, CSS px, until React Flow has measured the real one
 * (a moment after the page's script ran). The prerendered page is drawn at this fit: small,
 * so the whole drawing is on screen in any frame from 800×500 up; then it fits the real size.
 */
const FIRST_FIT_SIZE = { width: 640, height: 360 } as const;

/** Containers above which animations are dropped (see the class `is-large`). */
const LARGE_GRAPH = 60;
/** Services from which the canvas offers a minimap and a search field (a big graph). */
const BIG_GRAPH_SERVICES = 12;

/** Minimap colours: containers solid, service boxes (groups, placeholders) as outlines. */
const minimapColor = (node: ArchitectureFlowNode) => (node.type === 'container' ? 'var(--minimap-node)' : 'transparent');
const minimapStroke = (node: ArchitectureFlowNode) => (node.type === 'container' ? 'transparent' : 'var(--minimap-node)');

/** The canvas; reads the architecture and selection from the session. */
export function ArchitectureCanvas(props: ArchitectureCanvasProps) {
  return (
    <LoadBoundary>
      <Suspense fallback={<div className="architecture-canvas" aria-busy="true" />}>
        <LayoutGate {...props} />
      </Suspense>
    </LoadBoundary>
  );
}

/** Renders the canvas once its spec can be laid out (suspends while the layout engine loads). */
function LayoutGate(props: ArchitectureCanvasProps) {
  const architecture = useArchitecture();
  const spec = useSelector(architecture.actor, (s) => s.context.spec);
  useLayoutReady(spec);
  return <Canvas {...props} />;
}

function Canvas({ colorMode = 'system', children }: ArchitectureCanvasProps) {
  const architecture = useArchitecture();
  const selection = useSelection();
  // Changes only when `docker create` puts a new container (new actor) in a slot.
  const entries = useContainerEntries();
  // A new spec object only when the services change (`scale`, a replay adding a service).
  const spec = useSelector(architecture.actor, (s) => s.context.spec);
  const graph = useMemo(() => architectureGraph(spec), [spec]);
  const layout = useMemo(() => architectureLayout(spec), [spec]);
  const targets = useMemo(() => serviceTargets(graph), [graph]);
  // The project is said once, here, when containers carry it in their names.
  const projectInNames = useMemo(() => graph.containers.some((c) => c.label.kind === 'replica'), [graph]);
  const canvasRef = useRef<HTMLDivElement>(null);
  // Node and edge objects kept across renders (same object when nothing changed), so React
  // Flow re-renders only what moved: caches the memos below fill, not values of a render.
  const [nodeCache] = useState(() => new Map<string, ContainerFlowNode>());
  const [edgeCache] = useState(() => new Map<string, DependencyFlowEdge>());

  const actorOf = useMemo(() => {
    const byName = new Map(entries.map((e) => [e.name, architecture.containerActor(e.name)]));
    return (name: string) => byName.get(name);
  }, [architecture, entries]);

  const serviceNodes = useMemo(() => buildServiceNodes(graph, layout), [graph, layout]);
  const containerNodes = useMemo(() => buildNodes(graph, layout, actorOf, nodeCache), [graph, layout, actorOf, nodeCache]);
  const nodes = useMemo<ArchitectureFlowNode[]>(() => [...serviceNodes, ...containerNodes], [serviceNodes, containerNodes]);
  const placeholderEdges = useMemo(() => buildPlaceholderEdges(graph), [graph]);
  const dependencyEdges = useMemo(() => buildEdges(graph, actorOf, edgeCache), [graph, actorOf, edgeCache]);
  const edges = useMemo<ArchitectureFlowEdge[]>(() => [...dependencyEdges, ...placeholderEdges], [dependencyEdges, placeholderEdges]);
  const fitKey = `${layout.width}x${layout.height}`;
  // Past this many containers, per-frame decoration (flowing edges, status pulses) costs
  // more paint than it teaches: the bench's 500-node storm ran at a third of the frame rate.
  const large = containerNodes.length > LARGE_GRAPH;
  const big = graph.services.length >= BIG_GRAPH_SERVICES;
  // The first fit, before the canvas's size is known (FitOptions refines it once it is).
  const firstFit = useMemo(() => (big ? bigGraphFitOptions({ width: 0, height: 0 }, layout) : FIT_VIEW_OPTIONS), [big, layout]);
  // `system` resolved here, not by React Flow: its own guess differs between the prerender
  // (no window: light) and a dark browser's first render, and a hydrated class is not patched.
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', false);
  const mode = colorMode === 'system' ? (prefersDark ? 'dark' : 'light') : colorMode;

  return (
    <div ref={canvasRef} className={`architecture-canvas${large ? ' is-large' : ''}`}>
      <EdgeMarkers />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={mode}
        width={FIRST_FIT_SIZE.width}
        height={FIRST_FIT_SIZE.height}
        fitView
        fitViewOptions={firstFit}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        disableKeyboardA11y
        // A click handler also gives nodes pointer events (they are neither draggable nor selectable).
        onNodeClick={(_, node) => {
          if (node.type === 'container') selection.select(node.id);
        }}
        onPaneClick={() => selection.select(null)}
        aria-label={`Architecture of ${architecture.spec.project}: containers and who calls whom`}
      >
        <Background gap={24} size={1.5} />
        <FitOptions big={big} drawing={layout}>
          <FitControls />
          <FitOnResize fitKey={fitKey} />
          {children}
        </FitOptions>
        <ZoomLevel target={canvasRef} />
        {projectInNames ? <ProjectLabel project={spec.project} /> : null}
        {big ? <ServiceSearch targets={targets} /> : null}
        {big ? (
          <MiniMap<ArchitectureFlowNode>
            pannable
            zoomable
            ariaLabel="Minimap of the whole architecture"
            nodeColor={minimapColor}
            nodeStrokeColor={minimapStroke}
            nodeStrokeWidth={12}
            maskColor="var(--minimap-mask)"
            style={MINIMAP_SIZE}
          />
        ) : null}
        {children}
      </ReactFlow>
    </div>
  );
}
