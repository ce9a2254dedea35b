/**
 * The bundle bench's floor page (bench/suites/bundleSize.ts): the bare React + React Flow
 * page (main.tsx) plus what the pages' first view cannot do without, the machines
 * (`machines/`, with xstate) running the default scenario's `docker compose up -d` on a
 * simulated clock, as the app's and the embed's first view does. Only its bytes are
 * measured: what a page that runs the machine at first view weighs at the least, bundled
 * by the same Vite as the pages.
 */
import { SimulatedClock } from 'xstate';
import { createArchitecture, ecommerceScenario } from '../../machines';
import './main';

const architecture = createArchitecture(ecommerceScenario, { clock: new SimulatedClock(), up: true });
Object.assign(window, { __floorArchitecture: architecture });
