/** The `container-lifecycle` program (package.json `bin`): `container-lifecycle live [flags]`. */
import { main } from './cli';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`container-lifecycle: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
