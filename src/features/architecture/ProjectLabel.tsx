/**
 * The Compose project, said once on the canvas (nodes show only what differs in their
 * container names). Shown when some container carries Compose's `<project>-<service>-<n>`
 * name; a scenario whose containers all have their own names has nothing to explain.
 */
import { Panel } from '@xyflow/react';

export function ProjectLabel({ project }: { project: string }) {
  return (
    <Panel position="top-left" className="project-label" data-project={project}>
      <span className="project-label__key">project</span> <span className="project-label__name">{project}</span>
      <span className="project-label__rule" title={`Compose names containers ${project}-<service>-<n>; a node shows its service and #n`}>
        {' '}
        · containers {project}-<i>service</i>-<i>n</i>
      </span>
    </Panel>
  );
}
