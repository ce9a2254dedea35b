/** Shared by features (canvas, legend, action panel): the icon of a Docker status (decorative: the status is always also written out). */
import type { DockerStatus } from '../../../machines';
import { statusPresentation } from './statusPresentation';

/** Props of {@link StatusIcon}. */
export interface StatusIconProps {
  status: DockerStatus;
  /** Extra class names. */
  className?: string;
}

/** A 24×24 SVG icon for `status`, `aria-hidden`. */
export function StatusIcon({ status, className }: StatusIconProps) {
  const { icon } = statusPresentation(status);
  return (
    <svg className={`status-icon ${className ?? ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={icon.d}
        fill={icon.mode === 'fill' ? 'currentColor' : 'none'}
        stroke={icon.mode === 'stroke' ? 'currentColor' : 'none'}
        strokeWidth={icon.mode === 'stroke' ? 2.6 : 0}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
