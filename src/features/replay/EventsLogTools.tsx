/**
 * Ways to load a `docker events` log, for the header: a file picker labelled
 * `Open events log` (docs/contracts.md §2) and a dialog to paste a log.
 */
import { Suspense, useState, type ChangeEvent } from 'react';
import { lazyPasteDialog } from '../../react/paste/lazyPasteDialog';
import type { SessionSource } from '../../model/session/sessionSource';
import { loadEventsLogParser, parserLoadError } from './eventsLogInput';
import type { EventsLogLoading } from './eventsLogLoading';
import './ReplayPanel.css';

const PasteDialog = lazyPasteDialog.Component;

/** Props of {@link EventsLogTools}. */
export interface EventsLogToolsProps {
  /** Replaces the session with the replay of a log that parsed (a pasted one). */
  onLoad: (source: SessionSource) => void;
  /** The page's loader: a picked file is read through it (progress bar, Cancel). */
  loading: Pick<EventsLogLoading, 'run'>;
}

/** File types offered by the picker (content decides; any file can still be chosen). */
const EVENTS_LOG_ACCEPT = '.txt,.log,.jsonl,.ndjson,.json,text/plain,application/json,application/x-ndjson';

/** The picker and the paste button. */
export function EventsLogTools({ onLoad, loading }: EventsLogToolsProps) {
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again loads it again.
    input.value = '';
    if (!file) return;
    loading.run(file.name, file.size, async (options) => {
      let parser;
      try {
        parser = await loadEventsLogParser();
      } catch (cause) {
        return { ok: false, error: parserLoadError(cause) };
      }
      return parser.readEventsFile(file, options);
    });
  };
  return (
    <>
      <label className="tool-button events-log-open" title="Replay a docker events log (text or JSON lines)">
        Open events log
        <input type="file" className="visually-hidden" accept={EVENTS_LOG_ACCEPT} onChange={onFile} />
      </label>
      <PasteEventsLog onLoad={onLoad} />
    </>
  );
}

/** A button opening a modal dialog with a textarea for a pasted log. */
function PasteEventsLog({ onLoad }: Pick<EventsLogToolsProps, 'onLoad'>) {
  const [open, setOpen] = useState(false);
  const replay = async (text: string): Promise<string | null> => {
    let result;
    try {
      result = (await loadEventsLogParser()).eventsLogSource(text, 'pasted events log');
    } catch (cause) {
      return parserLoadError(cause);
    }
    if (!result.ok) return result.error;
    onLoad(result.source);
    return null;
  };

  return (
    <>
      <button type="button" className="tool-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Paste events log
      </button>
      {open ? (
        <Suspense fallback={null}>
          <PasteDialog
            title="Paste a docker events log"
            label="Events log, one event per line"
            hint={
              <>
                The output of <code>docker events</code>, as text or with <code>--format &apos;{'{{json .}}'}&apos;</code>.
              </>
            }
            submitLabel="Replay"
            rows={12}
            onSubmit={replay}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
