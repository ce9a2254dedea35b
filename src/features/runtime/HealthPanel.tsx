/**
 * The selected container's health check as `docker inspect` shows it (`.State.Health`:
 * Status, FailingStreak, Log) with its settings, and the simulation knob that makes the
 * probe command fail or pass (`{ type: 'probe', result }`, logged like any event).
 */
import { useId } from 'react';
import { useSelector } from '@xstate/react';
import { dockerStatus, type ContainerActor, type ContainerSnapshot } from '../../../machines';
import { durationText } from '../../model/runtime/durationText';
import { healthIcon, healthPsText } from '../../model/runtime/healthText';
import { useArchitecture } from '../../react/useSession';

const selectHealthcheck = (s: ContainerSnapshot) => s.context.healthcheck;
const selectHealth = (s: ContainerSnapshot) => s.context.health;
const selectProbePassing = (s: ContainerSnapshot) => s.context.probePassing;
const selectStatus = (s: ContainerSnapshot) => dockerStatus(s);

/** Props of {@link HealthPanel}. */
export interface HealthPanelProps {
  name: string;
  actor: ContainerActor;
}

export function HealthPanel({ name, actor }: HealthPanelProps) {
  const architecture = useArchitecture();
  const id = useId();
  const healthcheck = useSelector(actor, selectHealthcheck);
  const health = useSelector(actor, selectHealth);
  const probePassing = useSelector(actor, selectProbePassing);
  const status = useSelector(actor, selectStatus);

  if (!healthcheck) {
    return (
      <section className="runtime-section" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="panel-subtitle">
          Health check
        </h3>
        <p className="runtime-section__line runtime-section__muted">
          None configured (no <code>HEALTHCHECK</code> in the image, no <code>healthcheck:</code> in Compose): <code>docker ps</code>{' '}
          shows no health and <code>.State.Health</code> is absent.
        </p>
      </section>
    );
  }

  const icon = health ? healthIcon(health.status) : null;
  const last = health?.log.at(-1);
  const removed = status === 'removed';
  return (
    <section className="runtime-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Health check
      </h3>
      <dl className="runtime-facts">
        <div>
          <dt>Health.Status</dt>
          <dd className={health ? `health-status health-status--${health.status}` : undefined}>
            {health && icon ? (
              <>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d={icon.d} fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" />
                </svg>
                {health.status}{' '}
                {status === 'running' ? <span className="runtime-section__muted">docker ps: {healthPsText(health.status)}</span> : null}
              </>
            ) : (
              <span className="runtime-section__muted">absent until the first start</span>
            )}
          </dd>
        </div>
        <div>
          <dt>FailingStreak</dt>
          <dd>
            {health?.failingStreak ?? 0} <span className="runtime-section__muted">(unhealthy at {healthcheck.retries})</span>
          </dd>
        </div>
        <div>
          <dt>Probe</dt>
          <dd>
            <code>{healthcheck.test}</code>
          </dd>
        </div>
        <div>
          <dt>Settings</dt>
          <dd>
            interval {durationText(healthcheck.intervalMs)} · timeout {durationText(healthcheck.timeoutMs)} · retries {healthcheck.retries}
            {healthcheck.startPeriodMs > 0
              ? ` · start period ${durationText(healthcheck.startPeriodMs)} (probes every ${durationText(healthcheck.startIntervalMs)} while starting)`
              : ''}
          </dd>
        </div>
        {last ? (
          <div>
            <dt>Last probe</dt>
            <dd>
              exit {last.exitCode}
              {last.output ? <span className="runtime-section__muted"> · {last.output}</span> : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="probe-toggle">
        <button
          type="button"
          className="command__button"
          disabled={removed}
          aria-describedby={`${id}-probe`}
          onClick={() => architecture.send(name, { type: 'probe', result: probePassing ? 'fail' : 'pass' })}
        >
          {probePassing ? 'Make probe fail' : 'Make probe pass'}
        </button>
        <span id={`${id}-probe`} className="command__note">
          {removed
            ? 'the container no longer exists'
            : probePassing
              ? `the probe now exits 0; make it exit 1 (after ${healthcheck.retries} failures in a row: unhealthy)`
              : 'the probe now exits 1; make it exit 0 (the next probe: healthy)'}
        </span>
      </div>
      {health && status !== 'running' && !removed ? (
        <p className="runtime-section__line runtime-section__muted">
          {status === 'paused' ? 'Paused' : 'No process'}: the health monitor is stopped and Docker reports unhealthy, without a
          health_status event. The next start resets it to starting.
        </p>
      ) : null}
    </section>
  );
}
