/**
 * Drag-and-drop of a compose file anywhere on the page. A `.yml`/`.yaml` file (or one
 * named like `compose…`) is ours; another file is ours only when its text has a
 * top-level `services:` key. Anything else is left to the events-log drop handler
 * (`features/replay/useEventsLogDrop`), which leaves YAML files to us.
 * Returns whether files are being dragged over the page (for an overlay).
 */
import { useEffect, useRef, useState } from 'react';
import { isComposeFileName, looksLikeComposeText, MAX_COMPOSE_BYTES } from './composeInput';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** Calls `onFiles` with the compose files dropped together (one or several: `-f` files and the files they reference). */
export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  }, [onFiles]);
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Needed for the drop to happen here rather than the browser opening the file.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      const named = files.filter((file) => isComposeFileName(file.name, file.type));
      if (named.length > 0) {
        onFilesRef.current(named);
        return;
      }
      const file = files[0]!;
      if (file.size > MAX_COMPOSE_BYTES) return;
      void file.text().then(
        (text) => {
          if (looksLikeComposeText(text)) onFilesRef.current([file]);
        },
        () => undefined,
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
