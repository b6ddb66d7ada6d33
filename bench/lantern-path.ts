/**
 * Why Lighthouse's LCP is what it is: the path through Lantern's simulation (the graph of the page's
 * requests and main-thread tasks, replayed on a slow-4G phone) that ended last, read from the run
 * that just finished. `LIGHTHOUSE_LANTERN=1 npm run bench:lighthouse` prints it for every page.
 *
 * Lantern replays each request after the task that sent it has ended (not when it was sent), a
 * task's observed time ×4 (×2 when it lays out), and divides the link's 1.6 Mbps among the
 * requests in flight; a connection not yet used pays its handshake. Those rules, not only the
 * bytes, set the figure, so the path names them: who shared the link, which connection was cold.
 * `blockingTasks` does the same for TBT: the replayed tasks of 50 ms or more and what was in them.
 */
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';

interface Timing {
  startTime: number;
  endTime: number;
  connectionTiming?: { connectionTime?: number; dnsResolutionTime?: number; timeToFirstByte?: number };
}
interface TraceEvent {
  name: string;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; functionName?: string; type?: string } };
}
interface SimNode {
  type: 'network' | 'cpu';
  duration: number;
  request?: { url: string; resourceType?: string; requestMethod?: string; transferSize: number };
  childEvents?: TraceEvent[];
  didPerformLayout?(): boolean;
  getDependencies(): SimNode[];
}

/** The node timings of the last replay Lantern ran under this label (`pessimisticLargestContentfulPaint`, …). */
function replayed(label: string): Map<SimNode, Timing> | undefined {
  return (Lantern.Simulation.Simulator.allNodeTimings as Map<string, Map<SimNode, Timing>>).get(label);
}

/** A request's URL without its origin and query. */
const urlPath = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*/, '');

/** The chain of the last LCP simulation, from the node that ended last back to the document, one line each. */
export function lcpPath(): string[] {
  const timings = replayed('pessimisticLargestContentfulPaint');
  if (!timings || timings.size === 0) return ['(no LCP simulation recorded)'];
  const entries = [...timings];
  let [node, timing] = entries.reduce((last, entry) => (entry[1].endTime > last[1].endTime ? entry : last));
  const path: [SimNode, Timing][] = [[node, timing]];
  for (;;) {
    const before = node.getDependencies().filter((d) => timings.has(d));
    if (before.length === 0) break;
    node = before.reduce((a, b) => (timings.get(b)!.endTime > timings.get(a)!.endTime ? b : a));
    timing = timings.get(node)!;
    path.unshift([node, timing]);
  }
  const network = entries.filter(([n]) => n.type === 'network');
  return path.map(([n, t]) => {
    const span = `${String(Math.round(t.startTime)).padStart(6)} → ${String(Math.round(t.endTime)).padStart(6)} ms`;
    if (n.type === 'cpu') {
      const sent = (n.childEvents ?? []).filter((e) => e.name === 'ResourceSendRequest').length;
      const layout = n.didPerformLayout?.() ? ', lays out: ×2' : ', ×4';
      return `${span}  main-thread task, ${(n.duration / 1000).toFixed(1)} ms observed${layout}${sent ? `, sends ${sent} request(s)` : ''}`;
    }
    const request = n.request!;
    const sharing = network.filter(([, o]) => o !== t && o.startTime < t.endTime && o.endTime > t.startTime).length;
    const connection = t.connectionTiming?.connectionTime && t.connectionTiming.connectionTime > 100 ? `new connection (${Math.round(t.connectionTiming.connectionTime + (t.connectionTiming.dnsResolutionTime ?? 0))} ms to set up)` : 'open connection';
    return `${span}  ${request.resourceType ?? ''} ${request.requestMethod ?? 'GET'} ${urlPath(request.url).slice(0, 60)}, ${(request.transferSize / 1024).toFixed(1)} KB, ${connection}, the link shared with ${sharing} other request(s)`;
  });
}

/** What a task spent its time on: its longest events of the kinds that name work, with the script or event they ran. */
function contents(events: TraceEvent[]): string {
  const kinds = new Set(['EvaluateScript', 'v8.evaluateModule', 'v8.compileModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'ParseAuthorStyleSheet', 'XHRReadyStateChange', 'v8.parseOnBackground', 'MajorGC', 'MinorGC']);
  const worked = events.filter((e) => kinds.has(e.name) && (e.dur ?? 0) >= 1000).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  return worked
    .slice(0, 5)
    .map((e) => {
      const data = e.args?.data;
      const what = data?.url ? ` ${urlPath(data.url).split('/').pop()}${data.functionName ? `:${data.functionName}` : ''}` : data?.type ? ` ${data.type}` : '';
      return `${e.name}${what} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
    })
    .join(', ');
}

/**
 * Why Lighthouse's TBT is what it is: the main-thread tasks of the last TBT simulation that lasted
 * 50 ms or more once replayed (observed ×4, ×2 with layout), and how much of each blocked after the
 * first contentful paint, with the work inside them (observed milliseconds). Lantern blends an
 * optimistic and a pessimistic window; this is the pessimistic one (FCP as Lighthouse measured it).
 */
export function blockingTasks(fcpMs: number): string[] {
  const timings = replayed('pessimisticTotalBlockingTime');
  if (!timings || timings.size === 0) return ['(no TBT simulation recorded)'];
  const long = [...timings].filter(([n, t]) => n.type === 'cpu' && t.endTime - t.startTime >= 50).sort((a, b) => a[1].startTime - b[1].startTime);
  if (long.length === 0) return ['(no task of 50 ms or more)'];
  return long.map(([n, t]) => {
    const blocking = Math.max(0, t.endTime - Math.max(t.startTime, fcpMs) - 50);
    return `${String(Math.round(t.startTime)).padStart(6)} → ${String(Math.round(t.endTime)).padStart(6)} ms  blocks ${String(Math.round(blocking)).padStart(3)} ms after FCP  (${(n.duration / 1000).toFixed(1)} ms observed${n.didPerformLayout?.() ? ', lays out' : ''}): ${contents(n.childEvents ?? [])}`;
  });
}
