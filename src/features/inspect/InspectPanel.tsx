/**
 * `docker inspect` for the selected container: `.State` as a definition list and as
 * copyable JSON, the fields around it (RestartCount, image, restart policy), and the
 * isolation facts made concrete (PID, network and UTS namespaces, cgroup limits, the
 * writable layer on the image's read-only layers). Loaded lazily (see InspectSection).
 */
import { useState } from 'react';
import { useSelector } from '@xstate/react';
import { formatRestartPolicy, inspectState, type ContainerActor, type ContainerEntry } from '../../../machines';
import { isolationFacts, type IsolationFacts } from '../../model/inspect/isolationFacts';
import { binarySize, humanSize } from '../../model/inspect/units';
import { useArchitecture } from '../../react/useSession';

/** Props of {@link InspectPanel}. */
export interface InspectPanelProps {
  entry: ContainerEntry;
  actor: ContainerActor;
}

const STATE_FIELDS = ['Status', 'Running', 'Paused', 'Restarting', 'OOMKilled', 'Dead', 'Pid', 'ExitCode', 'Error', 'StartedAt', 'FinishedAt'] as const;

/**
 * Values the simulation makes up where a real engine would show its own (checked against
 * `docker inspect` of Engine 20.10 by test/engine): said so next to the value.
 */
const SIMULATED: Partial<Record<(typeof STATE_FIELDS)[number], (state: ReturnType<typeof inspectState>) => string | null>> = {
  Pid: (s) => (s.Pid > 0 ? '(simulated: a real host PID differs)' : null),
  Status: (s) => (s.Status === 'removed' ? '(not a Docker status: docker inspect answers "No such container")' : null),
};

function show(value: unknown): string {
  return typeof value === 'string' ? (value === '' ? '""' : value) : String(value);
}

export default function InspectPanel({ entry, actor }: InspectPanelProps) {
  const architecture = useArchitecture();
  const snapshot = useSelector(actor, (s) => s);
  const spec = useSelector(architecture.actor, (s) => s.context.spec);
  const state = inspectState(snapshot);
  const c = snapshot.context;
  const facts = isolationFacts(entry, snapshot, spec);
  const removed = state.Status === 'removed';
  const policy = c.restartPolicy;

  return (
    <div className="inspect-panel" data-inspect={entry.name}>
      {removed ? (
        <p className="inspect-panel__removed" role="note">
          This container was removed: a real <code>docker inspect {entry.name}</code> now answers &ldquo;No such container&rdquo;. Shown: its
          last state; its writable layer is gone, the image stays.
        </p>
      ) : null}
      <h3 className="panel-subtitle">.State</h3>
      <dl className="inspect-dl">
        {STATE_FIELDS.map((field) => (
          <div key={field} data-field={field}>
            <dt>{field}</dt>
            <dd>
              <span data-value="">{show(state[field])}</span>
              {SIMULATED[field]?.(state) ? <span className="inspect-muted"> {SIMULATED[field]!(state)}</span> : null}
            </dd>
          </div>
        ))}
        <div data-field="Health">
          <dt>Health</dt>
          <dd>{state.Health ? `${state.Health.Status} (FailingStreak ${state.Health.FailingStreak})` : 'absent (no health check)'}</dd>
        </div>
        <div data-field="RestartCount">
          <dt>RestartCount</dt>
          <dd>{c.restartCount}</dd>
        </div>
        <div data-field="Config.Image">
          <dt>Config.Image</dt>
          <dd>{c.image}</dd>
        </div>
        <div data-field="HostConfig.RestartPolicy">
          <dt>RestartPolicy</dt>
          <dd>
            {formatRestartPolicy(policy)}{' '}
            <span className="inspect-muted">
              (Name &quot;{policy.name}&quot;, MaximumRetryCount {policy.maximumRetryCount})
            </span>
          </dd>
        </div>
      </dl>
      <StateJson json={JSON.stringify(state, null, 2)} name={entry.name} />
      <Isolation facts={facts} name={entry.name} removed={removed} />
    </div>
  );
}

function StateJson({ json, name }: { json: string; name: string }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <details className="inspect-json">
      <summary>
        JSON: <code>docker inspect --format &apos;{'{{json .State}}'}&apos; {name}</code>
      </summary>
      <div className="inspect-json__bar">
        <button type="button" className="tool-button" onClick={() => void copy()}>
          Copy JSON
        </button>
        <span className="inspect-muted" role="status">
          {copied === 'done' ? 'Copied.' : copied === 'failed' ? 'Copy is blocked here: select the text and copy it.' : ''}
        </span>
      </div>
      <pre className="inspect-json__pre" tabIndex={0} aria-label=".State as JSON">
        {json}
      </pre>
    </details>
  );
}

function Isolation({ facts, name, removed }: { facts: IsolationFacts; name: string; removed: boolean }) {
  const { pid, network, cgroup, filesystem } = facts;
  const layersTopFirst = [...filesystem.imageLayers].reverse();
  return (
    <section className="inspect-isolation" aria-label="Isolation">
      <h3 className="panel-subtitle">Isolation: what the kernel gives {name}</h3>
      <dl className="inspect-dl inspect-dl--wide">
        <div data-field="pid-namespace">
          <dt>PID namespace</dt>
          <dd>
            {pid.host !== null ? (
              <>
                PID <strong>1</strong> inside; host PID <strong data-host-pid={pid.host}>{pid.host}</strong>{' '}
                <span className="inspect-muted">(.State.Pid; a new process, so a new PID, on every start)</span>
              </>
            ) : (
              <>
                no process <span className="inspect-muted">{removed ? '(the container no longer exists)' : '(.State.Pid is 0 when nothing runs)'}</span>
              </>
            )}
          </dd>
        </div>
        <div data-field="network-namespace">
          <dt>Network namespace</dt>
          <dd>
            {network.connected ? (
              <>
                eth0 <strong>{network.address}</strong> on <code>{network.name}</code>{' '}
                <span className="inspect-muted">
                  ({network.subnet}, gateway {network.gateway}; address simulated: a real engine assigns its own)
                </span>
              </>
            ) : removed ? (
              <>
                none <span className="inspect-muted">(its endpoint on {network.name} was removed with the container)</span>
              </>
            ) : (
              <>
                not connected{' '}
                <span className="inspect-muted">
                  (the address {network.address} on <code>{network.name}</code> is released while no process runs; IPAddress is
                  &quot;&quot;)
                </span>
              </>
            )}
          </dd>
        </div>
        <div data-field="uts-namespace">
          <dt>UTS namespace</dt>
          <dd>
            hostname <code>{facts.hostname}</code> <span className="inspect-muted">(the short container ID, as Docker sets it)</span>
          </dd>
        </div>
        <div data-field="cgroup">
          <dt>cgroup limits</dt>
          <dd>
            memory limit: {cgroup.memoryLimit === null ? `none (host ${binarySize(cgroup.hostMemory)})` : binarySize(cgroup.memoryLimit)}
            <br />
            CPU limit: {cgroup.cpuLimit === null ? `none (all ${cgroup.hostCpus} host CPUs)` : `${cgroup.cpuLimit} CPUs`}
            <br />
            pids limit: {cgroup.pidsLimit === null ? 'none' : cgroup.pidsLimit}{' '}
            <span className="inspect-muted">(nothing set in this spec; the host is simulated)</span>
          </dd>
        </div>
      </dl>
      <figure className="layers" aria-label="Filesystem layers">
        <figcaption>
          Filesystem (overlay2): the container sees one tree, {humanSize(filesystem.imageSizeBytes + filesystem.writable.sizeBytes)}{' '}
          <span className="inspect-muted">(layer sizes simulated)</span>
        </figcaption>
        <ol className="layers__stack">
          <li className={`layers__layer layers__layer--rw${filesystem.writable.present ? '' : ' is-gone'}`} data-layer="writable">
            <span className="layers__mode">R/W</span>
            <span className="layers__label">
              {filesystem.writable.present ? 'container layer: its own changes' : 'container layer: deleted by docker rm'}
            </span>
            <span className="layers__size">{filesystem.writable.present ? humanSize(filesystem.writable.sizeBytes) : '—'}</span>
          </li>
          {layersTopFirst.map((layer) => (
            <li key={layer.digest} className="layers__layer" data-layer="image">
              <span className="layers__mode">R/O</span>
              <span className="layers__label">
                {layer.label} <code className="inspect-muted">{layer.digest}</code>
              </span>
              <span className="layers__size">{humanSize(layer.sizeBytes)}</span>
            </li>
          ))}
        </ol>
        <p className="inspect-muted layers__note">
          The image&apos;s read-only layers are shared by every container of that image and stay after <code>docker rm</code>; only the
          writable layer belongs to this container (kept while it is stopped).
        </p>
      </figure>
    </section>
  );
}
