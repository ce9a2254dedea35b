/** Entry bundled by bench/run.mjs (Vite SSR build): the node-side benches. */
export { runMachineThroughput } from './machineThroughput';
export { runSystemScale } from './systemScale';
export { scaleSpec } from './scaleSpec';
export { runComposeParse, syntheticCompose } from './composeParse';
export { gc } from '../lib/measure';
export { figure, median, nowNs } from '../lib/measure';
