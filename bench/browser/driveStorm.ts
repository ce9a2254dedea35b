/**
 * The storm driver: issues `plan` at `rate` commands per second from Node, through a CDP
 * session (`Runtime.evaluate` of `__benchSend(batch)`), so the pace does not depend on
 * the page's own timers: a page that falls behind gets its commands queued, as it would
 * from a host frame, and the lag shows as `drainMs`. A paced loop: each tick issues every
 * command due by then, so exactly plan.length are issued in plan.length / rate seconds
 * (the Node process is idle otherwise, so its timers stay on time even on a loaded machine).
 */
import type { Page } from 'playwright-core';
import { beginStorm, endStorm, type StormResult } from './inPage';

export interface DriveOptions {
  plan: Array<[string, string]>;
  initiallyPaused: string[];
  rate: number;
  countRenders: boolean;
  timeoutMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function driveStorm(page: Page, o: DriveOptions): Promise<StormResult> {
  await page.evaluate(beginStorm, { plan: o.plan, initiallyPaused: o.initiallyPaused, countRenders: o.countRenders });
  const cdp = await page.context().newCDPSession(page);
  try {
    const issued: Array<Promise<unknown>> = [];
    const t0 = Date.now();
    let sent = 0;
    let lastIssued = t0;
    while (sent < o.plan.length) {
      const due = Math.min(o.plan.length, Math.floor(((Date.now() - t0) * o.rate) / 1000) + 1);
      if (due > sent) {
        const batch = o.plan.slice(sent, due);
        sent = due;
        lastIssued = Date.now();
        issued.push(cdp.send('Runtime.evaluate', { expression: `window.__benchSend(${JSON.stringify(batch)})` }));
      }
      if (sent < o.plan.length) await sleep(t0 + (sent * 1000) / o.rate - Date.now());
    }
    await Promise.all(issued);
    return await page.evaluate(endStorm, { timeoutMs: o.timeoutMs, sent, firstIssuedEpoch: t0, lastIssuedEpoch: lastIssued });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
