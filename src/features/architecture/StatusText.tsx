/**
 * The `docker ps` STATUS text of a container (`Up 2 minutes`, `Exited (137)`). Its own
 * component so the once-a-second uptime tick re-renders only this text, and only while
 * the container is up.
 */
import { memo } from 'react';
import type { DockerStatus } from '../../../machines';
import { psStatus, statusTicks } from '../../model/status/psStatus';
import { useTickingText } from '../../react/useTickingText';

/** Props of {@link StatusText}. */
export interface StatusTextProps {
  status: DockerStatus;
  exitCode: number;
  /** Unix ms of the last start, or null. */
  startedAt: number | null;
  /** `State.Health.Status`, or null without a health check. */
  health: 'starting' | 'healthy' | 'unhealthy' | null;
  /** Class of the text's span. */
  className?: string;
  /**
   * Texts this long or shorter certainly fit (the caller knows its box and font): the span
   * then also gets `<className>--fits`, so it can drop its ellipsis clip (see ContainerNode.css).
   */
  fitsChars?: number;
}

function StatusTextComponent({ status, exitCode, startedAt, health, className, fitsChars }: StatusTextProps) {
  const text = useTickingText(statusTicks(status), (now) => psStatus({ status, exitCode, startedAt, health }, now));
  const fits = className !== undefined && fitsChars !== undefined && text.length <= fitsChars;
  return (
    <span className={fits ? `${className} ${className}--fits` : className} title={text}>
      {text}
    </span>
  );
}

/** Memoized: re-renders when its props change or its text changes with the clock. */
export const StatusText = memo(StatusTextComponent);
