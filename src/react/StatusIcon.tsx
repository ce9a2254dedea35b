/** Shared by features (canvas, legend, action panel): the icon of a Docker status (decorative: the status is always also written out). */
import type { DockerStatus } from '../../machines';
import { statusPresentation } from '../model/status/statusPresentation';

/** Props of {@link StatusIcon}. */
export interface StatusIconProps {
  status: DockerStatus;
  /** Extra class names. */
  className?: string;
  /**
   * Adds an invisible square over the whole 24×24 grid, so every status's icon paints the
   * same box. Chromium paints an inline SVG as its own piece, sized by what it draws: on
   * the canvas a play triangle turning into pause bars changed that size and made the
   * compositor rebuild all 500 nodes for the frame (bench/README.md, render under load).
   */
  fixedBox?: boolean;
}

/** A 24×24 SVG icon for `status`, `aria-hidden`. */
export function StatusIcon({ status, className, fixedBox = false }: StatusIconProps) {
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
      {fixedBox ? <rect width="24" height="24" fill="currentColor" fillOpacity={0} /> : null}
    </svg>
  );
}
