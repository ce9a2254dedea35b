/**
 * The architecture drawn with React Flow: one node per container, one edge per "calls"
 * (dependent → dependency), laid out left to right, fitted to the view.
 */
import { useMemo, useRef } from 'react';
import { Background, Controls, ReactFlow, type ColorMode, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { architectureGraph } from '../../model/layout/architectureGraph';
import { layoutArchitecture } from '../../model/layout/layoutArchitecture';
import { useArchitecture, useContainerEntries, useSelection } from '../../model/session/useSession';
import { buildEdges, buildNodes } from './buildFlow';
import { ContainerNode } from './ContainerNode';
import { DependencyEdge } from './DependencyEdge';
import { EdgeMarkers } from './EdgeMarkers';
import { FIT_VIEW_OPTIONS, FitOnResize } from './FitOnResize';
import type { ContainerFlowNode, DependencyFlowEdge } from './flowTypes';
import './ArchitectureCanvas.css';

/** Module-level constants: React Flow re-creates every node when these change identity. */
const nodeTypes: NodeTypes = { container: ContainerNode };
const edgeTypes: EdgeTypes = { dependency: DependencyEdge };

/** Props of {@link ArchitectureCanvas}. */
export interface ArchitectureCanvasProps {
  /** React Flow's colour mode for its own controls. Default `system`. */
  colorMode?: ColorMode;
}

/** The canvas; reads the architecture and selection from the session. */
export function ArchitectureCanvas({ colorMode = 'system' }: ArchitectureCanvasProps) {
  const architecture = useArchitecture();
  const selection = useSelection();
  // Changes only when `docker create` puts a new container (new actor) in a slot.
  const entries = useContainerEntries();
  const graph = useMemo(() => architectureGraph(architecture.spec), [architecture]);
  const layout = useMemo(() => layoutArchitecture(architecture.spec), [architecture]);
  const nodeCache = useRef(new Map<string, ContainerFlowNode>());
  const edgeCache = useRef(new Map<string, DependencyFlowEdge>());

  const actorOf = useMemo(() => {
    const byName = new Map(entries.map((e) => [e.name, architecture.containerActor(e.name)]));
    return (name: string) => byName.get(name);
  }, [architecture, entries]);

  const nodes = useMemo(() => buildNodes(graph, layout, actorOf, nodeCache.current), [graph, layout, actorOf]);
  const edges = useMemo(() => buildEdges(graph, actorOf, edgeCache.current), [graph, actorOf]);

  return (
    <div className="architecture-canvas">
      <EdgeMarkers />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={colorMode}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.2}
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
        onNodeClick={(_, node) => selection.select(node.id)}
        onPaneClick={() => selection.select(null)}
        aria-label={`Architecture of ${architecture.spec.project}: containers and who calls whom`}
      >
        <Background gap={24} size={1.5} />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
        <FitOnResize />
      </ReactFlow>
    </div>
  );
}
