/**
 * An hourglass drawn in SVG, for "waiting" (a Compose run waiting on a dependency). Our
 * own icon rather than the ⏳ emoji, which renders as an empty box where no emoji font is
 * installed (kiosk machines, many Linux desktops). Decorative: the word is always written.
 */

/** Props of {@link WaitIcon}. */
export interface WaitIconProps {
  className?: string;
}

/** A 1em hourglass, `aria-hidden`, in the text's colour. */
export function WaitIcon({ className }: WaitIconProps) {
  return (
    <svg className={`wait-icon ${className ?? ''}`} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d="M6 3h12M6 21h12M7 3c0 5 5 6 5 9s-5 4-5 9M17 3c0 5-5 6-5 9s5 4 5 9" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M9.5 19.5c0-2 2.5-3 2.5-4.5 0 1.5 2.5 2.5 2.5 4.5z" fill="currentColor" />
    </svg>
  );
}
