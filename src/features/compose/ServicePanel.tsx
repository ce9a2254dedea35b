/**
 * The selected container's service, in the side panel: its replicas, what it depends
 * on (with Compose's conditions) and a `Scale` control (`docker compose up -d --scale`).
 * A service with `container_name` cannot scale: the control is disabled and says why.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import type { ServiceSpec } from '../../../machines';
import { useArchitecture, useSelectedContainer, useSession } from '../../react/useSession';
import type { ComposeController } from './composeController';
import type { VariableUse } from './loadCompose';
import { useComposeState } from './useComposeState';
import './ComposeToolbar.css';

/** Most replicas one service may have (as `Architecture.scale`). */
const MAX_SCALE = 100;

/** Why `service` cannot be scaled, or null. Pure. */
function scaleBlockedReason(service: Pick<ServiceSpec, 'name' | 'containerName'>): string | null {
  if (service.containerName === undefined) return null;
  return `${service.name} sets container_name "${service.containerName}": Docker requires each container to have a unique name, so Compose cannot scale this service.`;
}

/** Whether `value` is an acceptable replica count. Pure. */
function parseReplicas(value: string): number | null {
  if (!/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 0 && n <= MAX_SCALE ? n : null;
}

const CONDITION: Record<string, string> = {
  service_started: 'started',
  service_healthy: 'healthy',
  service_completed_successfully: 'completed',
};

const SOURCE: Record<VariableUse['source'], string> = {
  environment: 'from .env',
  default: 'default',
  unset: 'not set',
};

/** The panel; renders nothing when no container is selected. */
export function ServicePanel({ compose }: { compose?: ComposeController }) {
  const architecture = useArchitecture();
  const selected = useSelectedContainer();
  const spec = useSelector(architecture.actor, (s) => s.context.spec);
  const service = selected ? spec.services.find((s) => s.name === selected.entry.service) : undefined;
  if (!service) return null;
  return (
    <ServiceScale key={service.name} service={service}>
      {compose ? <ServiceVariables compose={compose} service={service.name} /> : null}
    </ServiceScale>
  );
}

/** The variables the service's compose definition uses, and the value each took. */
function ServiceVariables({ compose, service }: { compose: ComposeController; service: string }) {
  const state = useComposeState(compose);
  const { source } = useSession();
  const ids = useId();
  // Only while the session shows what the document loaded.
  const doc = state.document && source.kind === 'spec' && source.spec === state.document.spec ? state.document : null;
  const variables = doc && Object.hasOwn(doc.variables, service) ? doc.variables[service]! : [];
  if (variables.length === 0) return null;
  return (
    <div className="service-panel__variables">
      <p id={`${ids}-vars`} className="service-panel__facts">
        Variables ({variables.length}):
      </p>
      <ul aria-labelledby={`${ids}-vars`} className="service-panel__variable-list">
        {variables.map((v) => (
          <li key={v.name}>
            <code>{v.name}</code> = {v.value === undefined ? <em>not set</em> : <code>{v.value === '' ? '""' : v.value}</code>}{' '}
            <span className="service-panel__variable-source">({SOURCE[v.source]})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ServiceScale({ service, children }: { service: ServiceSpec; children?: ReactNode }) {
  const architecture = useArchitecture();
  const [value, setValue] = useState(String(service.replicas));
  const ids = useId();
  const blocked = scaleBlockedReason(service);
  const replicas = parseReplicas(value);
  const invalid = replicas === null ? `Enter a whole number from 0 to ${MAX_SCALE}.` : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked || replicas === null) return;
    architecture.scale(service.name, replicas);
  };

  return (
    <section className="service-panel" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="panel-subtitle">
        Service <code>{service.name}</code>
      </h3>
      <p className="service-panel__facts">
        {service.replicas} {service.replicas === 1 ? 'replica' : 'replicas'}
        {service.profiles.length > 0 ? ` · profiles: ${service.profiles.join(', ')}` : ''}
      </p>
      {service.dependsOn.length > 0 ? (
        <p className="service-panel__facts">
          Depends on:{' '}
          {service.dependsOn.map((d, i) => (
            <span key={d.service}>
              {i > 0 ? ', ' : ''}
              <code>{d.service}</code> ({CONDITION[d.condition] ?? d.condition})
            </span>
          ))}
        </p>
      ) : null}
      {children}
      <form className="service-panel__scale" onSubmit={submit}>
        <label htmlFor={`${ids}-replicas`} className="service-panel__label">
          Replicas
        </label>
        <input
          id={`${ids}-replicas`}
          type="number"
          min={0}
          max={MAX_SCALE}
          step={1}
          value={value}
          disabled={blocked !== null}
          aria-describedby={blocked ? `${ids}-why` : undefined}
          aria-invalid={invalid !== null && blocked === null ? true : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <button
          type="submit"
          className="tool-button"
          disabled={blocked !== null || replicas === null}
          aria-describedby={blocked ? `${ids}-why` : invalid ? `${ids}-invalid` : undefined}
          title={blocked ?? invalid ?? `docker compose up -d --scale ${service.name}=${replicas}`}
        >
          Scale
        </button>
      </form>
      {blocked ? (
        <p id={`${ids}-why`} className="service-panel__why">
          {blocked}
        </p>
      ) : invalid ? (
        <p id={`${ids}-invalid`} className="service-panel__why">
          {invalid}
        </p>
      ) : null}
    </section>
  );
}
