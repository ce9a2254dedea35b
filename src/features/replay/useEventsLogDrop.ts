/**
 * Drag-and-drop of a `docker events` log anywhere on the page. A dropped file is routed by
 * content (`detectEventsLog`): a log is replayed; a `.yml`/`.yaml` (or other non-log) file
 * is left to the compose loader's own drop handler; anything else gets an error.
 */
import { useEffect, useEffectEvent } from 'react';
import { detectEventsLog } from '../../model/events/detectEventsLog';
import type { SessionSource } from '../../model/session/sessionSource';
import { loadEventsLogParser, parserLoadError, sizeError } from './eventsLogInput';
import type { EventsLogLoading } from './eventsLogLoading';
import type { LoadOptions } from './loadEventsLog';

/** Files a compose loader takes (never answered here). */
const COMPOSE_FILE = /\.(ya?ml)$/i;

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * What to do with one dropped file: load it as a log, leave it to another handler, or
 * report an error. Pure apart from reading the file.
 */
export async function routeDroppedFile(
  file: Pick<File, 'name' | 'size' | 'text'>,
  options: LoadOptions = {},
): Promise<{ kind: 'load'; source: SessionSource } | { kind: 'ignore' } | { kind: 'error'; message: string }> {
  if (COMPOSE_FILE.test(file.name)) return { kind: 'ignore' };
  const tooBig = sizeError(file.size, `The file "${file.name}"`);
  if (tooBig) return { kind: 'error', message: tooBig };
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return { kind: 'error', message: `Could not read "${file.name}": ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!detectEventsLog(text, file.name)) {
    // Probably a compose file with another extension: the compose loader decides.
    if (/^\s*(services|version|name|x-[\w-]+|networks|volumes)\s*:/m.test(text.slice(0, 4096))) return { kind: 'ignore' };
    return {
      kind: 'error',
      message: `"${file.name}" is not a docker events log (its first line is neither JSON, an RFC 3339 time nor Type=…). Drop the output of docker events.`,
    };
  }
  let parser;
  try {
    parser = await loadEventsLogParser();
  } catch (cause) {
    return { kind: 'error', message: parserLoadError(cause) };
  }
  const result = await parser.eventsLogSourceAsync(text, file.name, options);
  return result.ok ? { kind: 'load', source: result.source } : { kind: 'error', message: result.error };
}

/** Installs window-level drop handling while mounted; a dropped log loads through `loading` (progress bar, Cancel). */
export function useEventsLogDrop(loading: Pick<EventsLogLoading, 'run'>): void {
  // The latest loader, without re-installing the listeners.
  const load = useEffectEvent((file: File) => {
    if (COMPOSE_FILE.test(file.name)) return;
    loading.run(file.name, file.size, async (options) => {
      const route = await routeDroppedFile(file, options);
      if (route.kind === 'load') return { ok: true, source: route.source };
      return route.kind === 'error' ? { ok: false, error: route.message } : null;
    });
  });

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser would open the file and leave the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) load(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
