/** Reads an embed controller's view state (re-renders on every change of it). */
import { useSyncExternalStore } from 'react';
import type { EmbedController, EmbedView } from '../embedController';

export function useEmbedView(controller: EmbedController): EmbedView {
  return useSyncExternalStore(controller.subscribeView, controller.getView, controller.getView);
}
