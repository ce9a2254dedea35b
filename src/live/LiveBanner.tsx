/**
 * The live page's banner: whether the view follows a real engine right now (and if not,
 * why, in plain words), what the bridge allows, and each command in flight with the real
 * grace period counting down. `data-live-state` carries the state for tests and styles.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LiveCommandInFlight } from './liveArchitecture';
import type { LiveStatus, LiveStore } from './liveStore';
import './live.css';

function permissions(status: LiveStatus): string {
  const s = status.settings;
  if (!s) return '';
  if (!s.allowCommands) return 'Read-only: the buttons send nothing (start the bridge with --allow-commands to use them).';
  if (!s.filter) return 'Commands go to the real engine, for EVERY container on it.';
  return `Commands go to the real engine, only for containers with label ${s.filter.key}=${s.filter.value}.`;
}

function Flight({ flight, now }: { flight: LiveCommandInFlight; now: number }) {
  const waited = Math.max(0, Math.round((now - flight.sentAt) / 1000));
  if (flight.killAt === undefined) return <li>{`$ ${flight.cli}: waiting for the engine (${waited} s)`}</li>;
  const left = Math.max(0, Math.ceil((flight.killAt - now) / 1000));
  return (
    <li data-countdown={left}>
      {left > 0
        ? `$ ${flight.cli}: stop signal sent; Docker sends SIGKILL in ${left} s unless the process exits first`
        : `$ ${flight.cli}: grace period over; SIGKILL sent, waiting for the exit`}
    </li>
  );
}

/** What `docker inspect` says of the selected container that the machine does not model. */
function SelectedFacts({ store }: { store: LiveStore }) {
  const { session } = useSyncExternalStore(store.subscribe, store.get);
  const name = useSyncExternalStore(session.selection.subscribe, session.selection.get);
  useSyncExternalStore(store.onStatus, () => store.status().factsVersion);
  const c = name === null ? undefined : store.container(name);
  if (!c) return null;
  const restarts = `restarted ${c.restartCount} time${c.restartCount === 1 ? '' : 's'} by its policy (${c.restartPolicy})`;
  return (
    <p className="live-banner__facts" data-live-facts={c.name}>
      {`${c.name}, per docker inspect: ${c.health ? `health ${c.health}` : 'no health check'}, ${restarts}.`}
    </p>
  );
}

/** The banner above the app shell. */
export function LiveBanner({ store }: { store: LiveStore }) {
  const status = useSyncExternalStore(store.onStatus, store.status);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.flights.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [status.flights.length]);
  const down = status.state === 'engine-down' || status.state === 'bridge-lost';
  return (
    <section className={`live-banner live-banner--${status.state}`} data-live-state={status.state} aria-label="Live engine">
      <p className="live-banner__line" role={down ? 'alert' : 'status'}>
        {status.state === 'connecting' ? (
          <>Connecting to your Docker engine through the bridge…</>
        ) : status.state === 'live' ? (
          <>
            <strong className="live-banner__dot">● Live</strong> Docker {status.engine?.version} (API {status.engine?.apiVersion}),{' '}
            {status.containers} container{status.containers === 1 ? '' : 's'}. {permissions(status)}
            {status.flagged > 0 ? ` ${status.flagged} real event${status.flagged === 1 ? '' : 's'} flagged as impossible by the machine (see the log).` : ''}
          </>
        ) : status.state === 'engine-down' ? (
          <>
            <strong>Docker engine unreachable.</strong> {status.message}. Reconnecting by itself; the view shows the last state it saw.
          </>
        ) : (
          <>
            <strong>Bridge unreachable.</strong> {status.message}
          </>
        )}
      </p>
      {status.state === 'live' && status.message ? <p className="live-banner__note">{status.message}</p> : null}
      <SelectedFacts store={store} />
      {status.flights.length > 0 ? (
        <ul className="live-banner__flights" aria-label="Commands in flight">
          {status.flights.map((f) => (
            <Flight key={`${f.name}-${f.sentAt}`} flight={f} now={now} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
