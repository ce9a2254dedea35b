/**
 * Allocation profile (sampling heap profiler, counting objects the GC already freed) of
 * bench 1's container cycle or bench 2's send loop: bytes allocated per command, by the
 * function that allocated. Usage: node bench/profile.mjs alloc <machine|send> [N]
 */
import { Session } from 'node:inspector';
import { createActor, SimulatedClock } from 'xstate';
import { containerMachine, createArchitecture, type ContainerEvent } from '../../machines';
import { mulberry32 } from '../../test/support/prng';
import { bareMachine } from '../suites/machineThroughput';
import { scaleSpec } from '../suites/scaleSpec';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

async function profile(label: string, commands: number, work: () => void): Promise<void> {
  const session = new Session();
  session.connect();
  await post(session, 'HeapProfiler.enable');
  await post(session, 'HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  work();
  const { profile } = await post<{ profile: { head: ProfileNode } }>(session, 'HeapProfiler.stopSampling');
  session.disconnect();
  const byFn = new Map<string, number>();
  let total = 0;
  const walk = (n: ProfileNode) => {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/bench\/\.out\//, 'bundle:')}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + n.selfSize);
    total += n.selfSize;
    n.children.forEach(walk);
  };
  walk(profile.head);
  console.log(`\n${label}: ~${(total / commands).toFixed(0)} bytes allocated per command`);
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`${(v / commands).toFixed(0).padStart(7)} B/cmd  ${k}`);
}

const CYCLE = [{ type: 'start' }, { type: 'pause' }, { type: 'unpause' }, { type: 'stop' }] as const;

export async function run(arg = 0): Promise<void> {
  const mode = process.argv[3] === 'send' ? 'send' : 'machine';
  const n = Number(process.argv[4] ?? 10) || arg || 10;
  if (mode === 'machine') {
    for (const [label, machine] of [['bare 5-state machine', bareMachine], ['containerMachine', containerMachine]] as const) {
      const clock = new SimulatedClock();
      const actors = Array.from({ length: 100 }, (_, i) => createActor(machine as typeof containerMachine, { clock, input: { name: `c${i}`, image: 'nginx:alpine' } }).start());
      const cycles = 50;
      for (let c = 0; c < cycles; c++) for (const e of CYCLE) for (const a of actors) a.send(e); // warm
      await profile(label, cycles * 4 * actors.length, () => {
        for (let c = 0; c < cycles; c++) for (const e of CYCLE) for (const a of actors) a.send(e);
      });
    }
  } else {
    const arch = createArchitecture(scaleSpec(n), { clock: new SimulatedClock(), up: true });
    const names = arch.containers.map((c) => c.name);
    const cmds: ContainerEvent[] = [{ type: 'start' }, { type: 'stop' }, { type: 'pause' }, { type: 'unpause' }, { type: 'restart' }, { type: 'kill' }];
    const rnd = mulberry32(1);
    const s = Array.from({ length: 20000 }, () => [names[Math.floor(rnd() * names.length)]!, cmds[Math.floor(rnd() * cmds.length)]!] as const);
    for (const [name, e] of s.slice(0, 5000)) arch.send(name, e);
    await profile(`architecture.send at N=${n}`, 15000, () => {
      for (const [name, e] of s.slice(5000)) arch.send(name, e);
    });
  }
}
