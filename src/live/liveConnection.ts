/**
 * The page's line to the bridge: the event stream (`./api/events`, Server-Sent Events,
 * reconnecting by itself) and commands (`POST ./api/command`). Both URLs are relative to
 * the page, so they stay below the access token in its path.
 */
import { LIVE_MESSAGE_TYPES, type LiveCommandReply, type LiveCommandRequest, type LiveMessage } from './protocol';

export interface LiveConnectionHandlers {
  message(message: LiveMessage): void;
  /** The stream to the bridge opened (true) or broke (false: the bridge stopped, or the network). */
  bridge(open: boolean): void;
}

export interface LiveConnection {
  /** Sends a command; resolves with the bridge's answer, or a refusal describing a network failure. */
  command(request: LiveCommandRequest): Promise<LiveCommandReply>;
  /** Drops the stream and opens a new one (the bridge then sends a fresh state). */
  reconnect(): void;
  close(): void;
}

/** Opens the stream relative to `base` (the page's URL). */
export function openLiveConnection(base: string, handlers: LiveConnectionHandlers): LiveConnection {
  const eventsUrl = new URL('api/events', base).href;
  const commandUrl = new URL('api/command', base).href;
  let source: EventSource | null = null;
  const open = () => {
    source?.close();
    const current = new EventSource(eventsUrl);
    source = current;
    current.onopen = () => handlers.bridge(true);
    current.onerror = () => {
      if (source === current) handlers.bridge(false);
    };
    for (const type of LIVE_MESSAGE_TYPES) {
      current.addEventListener(type, (e) => {
        if (source !== current) return;
        let message: LiveMessage;
        try {
          message = JSON.parse((e as MessageEvent<string>).data) as LiveMessage;
        } catch {
          return; // A message the page cannot read is dropped; the next state read corrects the view.
        }
        handlers.message(message);
      });
    }
  };
  open();
  return {
    async command(request) {
      try {
        const response = await fetch(commandUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
        });
        const text = await response.text();
        try {
          return JSON.parse(text) as LiveCommandReply;
        } catch {
          return { ok: false, status: response.status, message: text.trim() || response.statusText, by: 'bridge' };
        }
      } catch (error) {
        return { ok: false, status: 0, message: `the bridge did not answer (${(error as Error).message})`, by: 'bridge' };
      }
    },
    reconnect: open,
    close() {
      source?.close();
      source = null;
    },
  };
}
