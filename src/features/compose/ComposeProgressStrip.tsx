/**
 * The order of a `docker compose` run as it happens: one chip per service, in the order
 * they act; finished ones ticked, active ones highlighted with what they wait for
 * ("waiting for postgres to be healthy"), the rest greyed; then the result or Compose's
 * error. Driven by the architecture's compose progress (simulated time).
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import type { ComposeProgress } from '../../../machines';
import { useArchitecture } from '../../react/useSession';
import { WaitIcon } from '../../react/WaitIcon';
import { composeCli, plannedOrder, stripItems, stripSummary, type StripState } from './progressStrip';

const MARK: Record<StripState, ReactNode> = { done: '✓', active: '▶', waiting: <WaitIcon />, pending: '·', skipped: '–' };

const STATE_WORD: Record<StripState, string> = {
  done: 'done',
  active: 'in progress',
  waiting: 'waiting',
  pending: 'not yet',
  skipped: 'not run',
};

/** Props of {@link ComposeProgressStrip}. */
export interface ComposeProgressStripProps {
  progress: ComposeProgress;
}

/** The strip for the current or last compose run. */
export function ComposeProgressStrip({ progress }: ComposeProgressStripProps) {
  const architecture = useArchitecture();
  const spec = useSelector(architecture.actor, (s) => s.context.spec);
  const items = stripItems(spec, progress);
  const total = plannedOrder(spec, progress.action).length;
  const list = useRef<HTMLOListElement>(null);
  const firstActive = items.findIndex((i) => i.state === 'active' || i.state === 'waiting');

  // Keep the active services in view on a long strip (scrolls the strip only).
  useLayoutEffect(() => {
    const ol = list.current;
    const item = firstActive >= 0 ? (ol?.children[firstActive] as HTMLElement | undefined) : undefined;
    if (!ol || !item) return;
    const left = item.offsetLeft - ol.offsetLeft;
    if (left < ol.scrollLeft || left + item.offsetWidth > ol.scrollLeft + ol.clientWidth) ol.scrollLeft = Math.max(0, left - 24);
  }, [firstActive]);

  const icon = progress.status === 'done' ? '✓' : progress.status === 'failed' ? '✗' : '⟳';
  return (
    <div className={`compose-progress compose-progress--${progress.status}`} data-compose-status={progress.status} data-compose-action={progress.action}>
      <p className="compose-progress__summary">
        <span aria-hidden="true" className="compose-progress__icon">
          {icon}
        </span>{' '}
        {stripSummary(progress, total)}
      </p>
      {/* Spoken once, at the end (each step is announced by the log's live announcer). */}
      <p className="visually-hidden" role="status">
        {progress.status === 'running' ? '' : stripSummary(progress, total)}
      </p>
      {progress.warnings?.length ? (
        <ul className="compose-progress__warnings">
          {[...new Set(progress.warnings)].map((w) => (
            <li key={w}>
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      {/* A focus stop: the strip scrolls sideways when long, and a scroller must be reachable by keyboard. */}
      <ol ref={list} className="compose-progress__list" aria-label={`Order of ${composeCli(progress.action)}`} tabIndex={0}>
        {items.map((item, i) => (
          <li
            key={item.service}
            className={`compose-step compose-step--${item.state}`}
            data-step-service={item.service}
            data-step-state={item.state}
            title={item.detail ? `${item.service}: ${item.detail}` : `${item.service}: ${STATE_WORD[item.state]}`}
          >
            <span className="compose-step__index">{i + 1}</span>
            <span className="compose-step__mark" aria-hidden="true">
              {MARK[item.state]}
            </span>
            <span className="compose-step__name">{item.service}</span>
            <span className="visually-hidden">: {STATE_WORD[item.state]}</span>
            {item.detail ? <span className="compose-step__detail">{item.detail}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
