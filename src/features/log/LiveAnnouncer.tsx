/**
 * A visually hidden `aria-live="polite"` region that announces each state change once,
 * in plain words, and Docker's answer when a command is refused.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { LogEntry } from '../../../machines';
import { useArchitecture } from '../../react/useSession';
import { announcementsFor, containersTouched, factsOf } from './announcements';

interface Announcement {
  id: number;
  text: string;
}

/** How many recent announcements stay in the region (older ones are dropped). */
const KEEP = 4;

/** Props of {@link LiveAnnouncer}. */
export interface LiveAnnouncerProps {
  /**
   * Asked at each change: true drops its announcement, so a change is never said twice
   * (an embed's story caption is itself a live region that already says it). Default: never.
   */
  mute?: () => boolean;
}

/** The live region; renders nothing visible. */
export function LiveAnnouncer({ mute }: LiveAnnouncerProps = {}) {
  const architecture = useArchitecture();
  const isMuted = useEffectEvent(() => mute?.() === true);
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const nextId = useRef(0);

  useEffect(() => {
    const facts = factsOf(architecture);
    const seen = new WeakSet<LogEntry>(architecture.getLog());
    const unsubscribe = architecture.onLog((entries) => {
      // The log only grows at its end: the new entries are the unseen ones at the tail.
      const fresh: LogEntry[] = [];
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i];
        if (!entry || seen.has(entry)) break;
        fresh.unshift(entry);
      }
      if (fresh.length === 0) return;
      for (const entry of fresh) seen.add(entry);
      // Only the containers these entries name can have changed: asking every container at
      // every entry made a replay's Skip to end cost O(events × containers).
      const touched = containersTouched(fresh);
      const after = factsOf(architecture, touched);
      const texts = announcementsFor(fresh, facts, after);
      for (const name of touched) {
        const now = after.get(name);
        if (now) facts.set(name, now);
        else facts.delete(name);
      }
      if (texts.length === 0 || isMuted()) return;
      const added = texts.map((text) => ({ id: ++nextId.current, text }));
      setAnnouncements((previous) => [...previous, ...added].slice(-KEEP));
    });
    return () => {
      unsubscribe();
    };
  }, [architecture]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="false" data-testid="live-announcer">
      {announcements.map((a) => (
        <p key={a.id}>{a.text}</p>
      ))}
    </div>
  );
}
