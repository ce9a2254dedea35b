/**
 * The selected container's restart policy, visible and editable: `docker update
 * --restart <policy>` through `architecture.send` (so the log records the `update`
 * event). Also its restart count and, while it crash-loops, the back-off countdown.
 */
import { useId, useState } from 'react';
import { useSelector } from '@xstate/react';
import {
  commandError,
  dockerStatus,
  formatRestartPolicy,
  modeRefusal,
  type ContainerActor,
  type ContainerSnapshot,
  type RestartPolicy,
  type RestartPolicyConfig,
} from '../../../machines';
import { backoffText, nextStartText } from '../../model/runtime/restartBackoff';
import { useSimNow } from '../../react/useSimNow';
import { useArchitecture } from '../../react/useSession';

type PolicyName = RestartPolicyConfig['name'];

const POLICY_HELP: Record<PolicyName, string> = {
  no: 'never restarted by Docker',
  always: 'restarted after any exit; after docker stop/kill only when the daemon restarts',
  'unless-stopped': 'restarted after any exit, unless you stopped it (docker stop/kill)',
  'on-failure': 'restarted after a non-zero exit, up to the retry limit (0 = no limit)',
};

const selectPolicy = (s: ContainerSnapshot) => formatRestartPolicy(s.context.restartPolicy);
const selectRestartCount = (s: ContainerSnapshot) => s.context.restartCount;
const selectStatus = (s: ContainerSnapshot) => dockerStatus(s);
const selectFinishedAt = (s: ContainerSnapshot) => s.context.finishedAt;
const selectDelay = (s: ContainerSnapshot) => s.context.restartDelayMs;
const selectExitCode = (s: ContainerSnapshot) => s.context.exitCode;

/** The policy the form describes, as `docker update --restart` takes it. */
function policyOf(name: PolicyName, maxRetries: number): RestartPolicy {
  return name === 'on-failure' && maxRetries > 0 ? `on-failure:${maxRetries}` : name;
}

/** Props of {@link RestartPolicyEditor}. */
export interface RestartPolicyEditorProps {
  name: string;
  actor: ContainerActor;
}

export function RestartPolicyEditor({ name, actor }: RestartPolicyEditorProps) {
  const current = useSelector(actor, selectPolicy);
  const refused = modeRefusal(useArchitecture().mode, { type: 'update', restartPolicy: current });
  // Live mode: `docker update` is not sent, and the policy is the engine's, not the machine's.
  if (refused) return <ReadOnlyPolicy reason={refused} />;
  // The form starts from the current policy and starts over when it changes.
  return <PolicyForm key={current} name={name} actor={actor} current={current} />;
}

/** The policy section when the page does not send `docker update`: read-only, with why. */
function ReadOnlyPolicy({ reason }: { reason: string }) {
  const id = useId();
  return (
    <section className="runtime-section" aria-labelledby={`${id}-title`} data-policy="read-only">
      <h3 id={`${id}-title`} className="panel-subtitle">
        Restart policy
      </h3>
      <form className="policy-form" onSubmit={(e) => e.preventDefault()}>
        <label className="policy-form__field">
          <span>Policy</span>
          <select value="engine" disabled aria-label="Restart policy" aria-describedby={`${id}-why`}>
            <option value="engine">set on the engine</option>
          </select>
        </label>
        <code id={`${id}-why`} className="command__note policy-form__cli">
          {reason}
        </code>
      </form>
    </section>
  );
}

function PolicyForm({ name, actor, current }: RestartPolicyEditorProps & { current: RestartPolicy }) {
  const architecture = useArchitecture();
  const id = useId();
  const [currentName, currentRetries] = current.split(':') as [PolicyName, string | undefined];
  const [policyName, setPolicyName] = useState<PolicyName>(currentName);
  const [retries, setRetries] = useState(currentRetries ?? '0');
  const restartCount = useSelector(actor, selectRestartCount);
  const status = useSelector(actor, selectStatus);
  const retryCount = Number(retries);
  const validRetries = retries.trim() !== '' && Number.isInteger(retryCount) && retryCount >= 0 && retryCount <= 1000;
  const next = policyOf(policyName, validRetries ? retryCount : 0);
  const event = { type: 'update', restartPolicy: next } as const;
  // Asked of the machine (e.g. a removed container accepts nothing); `status` re-renders on change.
  const refusal = status === 'removed' ? commandError(actor.getSnapshot(), event) : null;
  const unchanged = next === current;
  const disabled = !validRetries || unchanged || refusal !== null;
  const reason = refusal ?? (!validRetries ? 'maximum retries must be a whole number from 0 to 1000' : unchanged ? `the policy is already ${current}` : null);

  return (
    <section className="runtime-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Restart policy
      </h3>
      <p className="runtime-section__line">
        <code>{current}</code>: {POLICY_HELP[currentName]}. RestartCount <strong>{restartCount}</strong>
      </p>
      {status === 'restarting' ? <Backoff actor={actor} /> : null}
      <form
        className="policy-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!disabled) architecture.send(name, event);
        }}
      >
        <label className="policy-form__field">
          <span>Policy</span>
          <select value={policyName} onChange={(e) => setPolicyName(e.currentTarget.value as PolicyName)} aria-label="Restart policy">
            <option value="no">no</option>
            <option value="always">always</option>
            <option value="unless-stopped">unless-stopped</option>
            <option value="on-failure">on-failure</option>
          </select>
        </label>
        <label className="policy-form__field">
          <span>Max retries</span>
          <input
            type="number"
            min={0}
            max={1000}
            step={1}
            inputMode="numeric"
            value={policyName === 'on-failure' ? retries : '0'}
            disabled={policyName !== 'on-failure'}
            onChange={(e) => setRetries(e.currentTarget.value)}
            aria-label="Maximum retries (on-failure only, 0 = no limit)"
            title="Only on-failure takes a retry limit (Docker refuses it for other policies); 0 = no limit"
          />
        </label>
        <button type="submit" className="command__button policy-form__apply" disabled={disabled} aria-describedby={`${id}-cli`} title={reason ?? undefined}>
          Update policy
        </button>
        <code id={`${id}-cli`} className="command__note policy-form__cli">
          {reason ? reason : `$ docker update --restart ${next} ${name}`}
        </code>
      </form>
    </section>
  );
}

/** `Restarting (exit 1): back-off 400 ms · next start in 300 ms`, on the simulation clock. */
function Backoff({ actor }: { actor: ContainerActor }) {
  const finishedAt = useSelector(actor, selectFinishedAt);
  const restartDelayMs = useSelector(actor, selectDelay);
  const exitCode = useSelector(actor, selectExitCode);
  const now = useSimNow(true);
  const next = nextStartText({ status: 'restarting', finishedAt, restartDelayMs }, now);
  return (
    <p className="runtime-section__line runtime-section__line--backoff">
      Crash loop: exited with {exitCode}; {backoffText(restartDelayMs)}, {next}. The back-off doubles after each quick exit
      (100 ms → 60 s) and resets after a 10 s run.
    </p>
  );
}
