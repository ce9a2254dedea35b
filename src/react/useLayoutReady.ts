/** Suspends the canvas until the layout of a spec can be computed (see `architectureLayouts.ts`). */
import { use } from 'react';
import type { ArchitectureSpec } from '../../machines';
import { layoutReady, loadLayoutEngine } from '../model/layout/architectureLayouts';

/**
 * Suspends (React `use`) until `architectureLayout(spec)` can answer. Call it last in a
 * component, after its hooks: React cannot replay a mounting component whose hooks
 * continue after a `use` that suspended.
 */
export function useLayoutReady(spec: ArchitectureSpec): void {
  if (!layoutReady(spec)) use(loadLayoutEngine());
}
