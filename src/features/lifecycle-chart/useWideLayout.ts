/**
 * Whether an element is wide enough for the left-to-right chart (an 800 px dialog or
 * embed) rather than the top-to-bottom one that fits a side panel.
 */
import { useEffect, useState, type RefObject } from 'react';

/** Width from which the chart is laid out left to right, px. */
const WIDE_FROM_PX = 640;

/** `true` while `ref`'s element is at least `WIDE_FROM_PX` wide. */
export function useWideLayout(ref: RefObject<HTMLElement | null>): boolean {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      setWide(width >= WIDE_FROM_PX);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return wide;
}
