/**
 * Dependency cycle detection, reporting the same cycle as compose-go
 * (`graph/cycle.go` `CheckCycle`): services are tried in name order, their
 * dependencies in name order, and the first cycle met is named from the service where
 * it closes: `a -> b -> c -> a`. Iterative, so a chain of thousands of services
 * cannot overflow the stack.
 */

/**
 * Finds the first dependency cycle.
 *
 * @param dependencies service name → names it depends on (unknown names are ignored).
 * @returns the cycle as a closed list (`['a', 'b', 'c', 'a']`; a self-dependency is
 *   `['a', 'a']`), or `undefined` when the graph is acyclic.
 */
export function findCycle(dependencies: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const onPath = new Map<string, number>();
  const children = (name: string) =>
    [...new Set(dependencies.get(name) ?? [])].filter((child) => dependencies.has(child)).sort();

  for (const root of [...dependencies.keys()].sort()) {
    if (done.has(root)) continue;
    const path: string[] = [root];
    const pending: string[][] = [children(root)];
    onPath.set(root, 0);
    while (path.length > 0) {
      const next = pending[pending.length - 1]?.shift();
      if (next === undefined) {
        const finished = path.pop() as string;
        pending.pop();
        onPath.delete(finished);
        done.add(finished);
        continue;
      }
      const at = onPath.get(next);
      if (at !== undefined) return [...path.slice(at), next];
      if (done.has(next)) continue;
      onPath.set(next, path.length);
      path.push(next);
      pending.push(children(next));
    }
  }
  return undefined;
}
