/**
 * The architecture drawing's sizes and the shape of a layout, without the layout engine:
 * the pages import these at start, while `layoutArchitecture.ts` (dagre) is loaded on
 * first need (see `architectureLayouts.ts`). Re-exported by `layoutArchitecture.ts`.
 */
import type { PlaceholderReason } from './architectureGraph';

/** Size of a drawn container node, px (the node's CSS uses the same numbers). */
export const NODE_WIDTH = 216;
export const NODE_HEIGHT = 104;
/** Inside a replica group box: padding around the replicas, header band, gaps between replicas, px. */
export const GROUP_PADDING = 12;
export const GROUP_HEADER = 38;
export const REPLICA_GAP = 20;
/** Height of a placeholder (service without containers), px; its width is `NODE_WIDTH`. */
export const PLACEHOLDER_HEIGHT = NODE_HEIGHT;


export interface LayoutOptions {
  /** Node width, px. Default `NODE_WIDTH`. */
  nodeWidth?: number;
  /** Node height, px. Default `NODE_HEIGHT`. */
  nodeHeight?: number;
  /** Horizontal gap between ranks (columns), px. Default 76. */
  rankSep?: number;
  /** Vertical gap between nodes of one rank, px. Default 28. */
  nodeSep?: number;
  /**
   * Width / height the drawing should suit (the canvas's shape). A rank (column) much
   * taller than that is folded into staggered sub-columns; a drawing of 8+ ranks much
   * wider (a long chain) wraps into bands. Default 2 (the app's canvas is about 2.3 at
   * 1400×900, narrower at most other sizes).
   */
  aspectRatio?: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Where one service is drawn. */
export interface ServiceBox {
  service: string;
  /** `single`: one container node; `group`: a box around 2+ replicas; `placeholder`: no container. */
  kind: 'single' | 'group' | 'placeholder';
  /** Top-left corner and size, px. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Containers drawn for the service. */
  replicas: number;
  placeholder?: PlaceholderReason;
}

export interface ArchitectureLayout {
  /** Top-left corner of each container node, by container name. */
  positions: Record<string, Point>;
  /** Every service's box, in spec order. */
  services: ServiceBox[];
  /** Bounding box of the whole drawing, px. */
  width: number;
  height: number;
}
