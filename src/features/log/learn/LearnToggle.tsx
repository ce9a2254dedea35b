/**
 * The "Learn" toggle: a real `<button aria-pressed>` named exactly `Learn` that shows or
 * hides the explanations in the event log (see `useLearn`).
 */
import { useLearn } from './LearnContext';

/** Props of {@link LearnToggle}. */
export interface LearnToggleProps {
  /** Extra class names. */
  className?: string;
}

/** The toggle button. */
export function LearnToggle({ className }: LearnToggleProps) {
  const [on, setOn] = useLearn();
  return (
    <button
      type="button"
      className={`learn-toggle${className ? ` ${className}` : ''}`}
      aria-pressed={on}
      title={on ? 'Hide what Docker did underneath each command' : 'Explain what Docker did underneath each command'}
      onClick={() => setOn(!on)}
    >
      <span className="learn-toggle__box" aria-hidden="true" />
      Learn
    </button>
  );
}
