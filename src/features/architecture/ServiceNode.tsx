/**
 * A service box on the canvas: the light group drawn behind a service's replicas
 * (labelled `worker ×3`, with a Scale control), or the dashed placeholder of a service
 * that has no container: outside the active profiles ("inactive service"), or scaled to 0.
 */
import { memo, useId, useState, type CSSProperties, type FormEvent } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NODE_WIDTH } from '../../model/layout/layoutGeometry';
import { groupTitleSize, titleSizes } from '../../model/layout/nodeLabels';
import { useArchitecture } from '../../react/useSession';
import type { ServiceFlowNode } from './flowTypes';
import './ServiceNode.css';

/** Most replicas one service may have (as `Architecture.scale`). */
const MAX_REPLICAS = 100;

/** A compact `docker compose up --scale` form for one service. */
function ScaleForm({ service, replicas }: { service: string; replicas: number }) {
  const architecture = useArchitecture();
  const [value, setValue] = useState(String(replicas));
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > MAX_REPLICAS) return;
    architecture.scale(service, n);
  };
  const n = Number(value);
  const valid = value !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_REPLICAS;
  return (
    <form className="service-node__scale nodrag nopan nowheel" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={inputId}>
        Replicas of {service}
      </label>
      <input
        id={inputId}
        className="service-node__scale-input"
        type="number"
        min={0}
        max={MAX_REPLICAS}
        step={1}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button
        type="submit"
        className="service-node__scale-button"
        aria-label={`Scale ${service}`}
        title={`docker compose up -d --scale ${service}=${valid ? n : 'N'}`}
        disabled={!valid || n === replicas}
      >
        Scale
      </button>
    </form>
  );
}

function ServiceNodeComponent({ data, width }: NodeProps<ServiceFlowNode>) {
  const { service, kind, replicas, placeholder, profiles, image, neededBy } = data;
  // The zoomed-out title's size (SemanticZoom.css), fitted to the name.
  const sizes = titleSizes(service);
  const fit = {
    '--title-group': `${groupTitleSize(service, replicas, width ?? NODE_WIDTH)}px`,
    '--title-overview': `${sizes.overview}px`,
    '--title-far': `${sizes.far}px`,
  } as CSSProperties;
  if (kind === 'group') {
    return (
      <div
        className="service-node service-node--group"
        data-group-service={service}
        data-replicas={replicas}
        role="group"
        aria-label={`Service ${service}, ${replicas} replicas`}
        style={fit}
      >
        {/* Edges to and from a replicated service end at its group (requests go to any replica). */}
        <Handle type="target" position={Position.Left} isConnectable={false} className="anchor-handle" />
        <Handle type="source" position={Position.Right} isConnectable={false} className="anchor-handle" />
        <div className="service-node__header">
          <span className="service-node__name" title={service}>
            {service}
          </span>
          <span className="service-node__count">×{replicas}</span>
          {/* Keyed by the count: the field shows the new count after every scale. */}
          <ScaleForm key={replicas} service={service} replicas={replicas} />
        </div>
      </div>
    );
  }
  const inactive = placeholder === 'inactive';
  const profileList = profiles.join(', ');
  const why = inactive
    ? `Inactive service: only runs with profile ${profileList} (docker compose --profile ${profiles[0] ?? '…'} up)`
    : `Scaled to 0: the service has no container`;
  return (
    <div
      className={`service-node service-node--placeholder service-node--${placeholder ?? 'inactive'}`}
      data-inactive-service={inactive ? service : undefined}
      data-empty-service={inactive ? undefined : service}
      data-profiles={profileList || undefined}
      role="group"
      aria-label={`${service}: ${why}${neededBy.length ? `; needed by ${neededBy.join(', ')}` : ''}`}
      title={why}
      style={fit}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="anchor-handle" />
      <div className="service-node__title">
        <span className="service-node__name">{service}</span>
        <span className="service-node__tag">{inactive ? 'inactive' : '×0'}</span>
      </div>
      <div className="service-node__image" title={image}>
        {image}
      </div>
      {inactive ? (
        <div className="service-node__profiles">
          {profiles.length === 1 ? 'profile' : 'profiles'}: {profiles.map((p) => (
            <code key={p}>{p}</code>
          ))}
        </div>
      ) : (
        <ScaleForm service={service} replicas={0} />
      )}
      {neededBy.length ? (
        <div className="service-node__warning" title={`${neededBy.join(', ')} depend(s) on ${service}, which has no container`}>
          <span aria-hidden="true">⚠ </span>needed by {neededBy.join(', ')}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} className="anchor-handle" />
    </div>
  );
}

/** Memoized: a service box changes only with the layout. */
export const ServiceNode = memo(ServiceNodeComponent);
