/**
 * Find a service and jump to it: a search field over the canvas (`/` focuses it), with the
 * service names as suggestions. Enter moves the view onto the service (`fitView` on its
 * nodes), selects its first container and focuses it, so the keyboard carries on from
 * there (Enter, arrow keys, the command shortcuts). Inside `<ReactFlow>`.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { findService, type ServiceTarget } from '../../model/layout/serviceSearch';
import { useSelection } from '../../react/useSession';
import './ServiceSearch.css';

/** Props of {@link ServiceSearch}. */
export interface ServiceSearchProps {
  /** Every service in spec order, with the nodes that draw it. */
  targets: readonly ServiceTarget[];
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Whether a key press is typing into something (then `/` is a character, not a shortcut). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function ServiceSearch({ targets }: ServiceSearchProps) {
  const { fitView } = useReactFlow();
  const domNode = useStore((s) => s.domNode);
  const selection = useSelection();
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  // `/` focuses the field from anywhere in the page that is not a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.composedPath()[0] ?? event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const jump = (event: FormEvent) => {
    event.preventDefault();
    const target = findService(targets, query);
    if (!target) {
      setMessage(query.trim() ? `No service matches “${query.trim()}”` : 'Type a service name');
      return;
    }
    setQuery(target.service);
    setMessage(`${target.service}: ${target.containers.length} container${target.containers.length === 1 ? '' : 's'}`);
    void fitView({ nodes: target.nodes.map((id) => ({ id })), padding: 0.35, maxZoom: 1, minZoom: 0.62, duration: reducedMotion() ? 0 : 250 });
    const first = target.containers[0];
    if (!first) return;
    selection.select(first);
    const node = domNode?.querySelector<HTMLElement>(`[data-container="${CSS.escape(first)}"]`);
    node?.focus({ preventScroll: true });
  };

  return (
    <Panel position="top-right" className="service-search">
      <form role="search" aria-label="Service search" onSubmit={jump} className="nodrag nopan nowheel">
        <input
          ref={input}
          className="service-search__input"
          type="search"
          list={listId}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setMessage('');
          }}
          placeholder="Find a service  /"
          aria-label="Find a service"
          aria-describedby={message ? `${listId}-status` : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id={listId}>
          {targets.map((t) => (
            <option key={t.service} value={t.service} />
          ))}
        </datalist>
        <button type="submit" className="service-search__go">
          Go
        </button>
        <span id={`${listId}-status`} className="service-search__status" role="status">
          {message}
        </span>
      </form>
    </Panel>
  );
}
