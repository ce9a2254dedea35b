/**
 * Letter shortcuts for the selected container (S, T, K, P, U, R, X / Delete, Shift+X,
 * Escape to deselect), active unless focus is in a text field. A shortcut sends the
 * command even when its button is disabled: Docker's refusal (or 304) then shows in
 * the log, which is the lesson.
 */
import { useEffect } from 'react';
import { useArchitecture, useSelection } from '../../react/useSession';
import { commandForKey } from './commands';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file'].includes(target.type);
}

/** Installs the document-level shortcut listener for the current session. */
export function useCommandShortcuts(): void {
  const architecture = useArchitecture();
  const selection = useSelection();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextField(event.target)) return;
      const name = selection.get();
      if (name === null) return;
      if (event.key === 'Escape') {
        selection.select(null);
        return;
      }
      const command = commandForKey(event.key, event.shiftKey);
      if (!command || event.repeat) return;
      event.preventDefault();
      // The same entry point as the buttons: stop/restart wait out the grace period; Kill cancels it.
      architecture.send(name, command.event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [architecture, selection]);
}
