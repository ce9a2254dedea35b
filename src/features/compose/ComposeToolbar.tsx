/**
 * The compose bar under the header: open a compose file (Example list, file picker
 * labelled `Open compose file`, paste dialog, drop anywhere), the profile filter, the
 * `docker compose` actions, and what they do: input errors (`role="alert"`), parser
 * warnings (`role="status"`, dismissible) and the progress strip of a run.
 */
import { Suspense, useId, useState, type ChangeEvent } from 'react';
import { lazyPasteDialog } from '../../react/paste/lazyPasteDialog';
import { ecommerceScenario, type ComposeAction } from '../../../machines';
import { useSession } from '../../react/useSession';
import type { ComposeController } from './composeController';
import { ComposeProgressStrip } from './ComposeProgressStrip';
import { COMPOSE_EXAMPLES, DEFAULT_EXAMPLE_ID } from './examples';
import { composeCli } from './progressStrip';
import { useComposeProgress, useComposeState } from './useComposeState';
import { useFileDrop } from './useFileDrop';
import './ComposeToolbar.css';

const PasteDialog = lazyPasteDialog.Component;

/** Props of {@link ComposeToolbar}. */
export interface ComposeToolbarProps {
  controller: ComposeController;
}

/** The toolbar's Compose actions: accessible names exactly as docs/contracts.md §2. */
const COMPOSE_BUTTONS: ReadonlyArray<{ action: ComposeAction; name: string; word: string }> = [
  { action: 'up', name: 'Compose up', word: 'up' },
  { action: 'stop', name: 'Compose stop', word: 'stop' },
  { action: 'down', name: 'Compose down', word: 'down' },
  { action: 'restart', name: 'Compose restart', word: 'restart' },
  { action: 'pause', name: 'Compose pause', word: 'pause' },
  { action: 'unpause', name: 'Compose unpause', word: 'unpause' },
];

const WHAT_IT_DOES: Record<string, string> = {
  up: 'creates missing containers and starts every service in dependency order, waiting for depends_on conditions',
  stop: 'stops the services, dependents first',
  down: 'stops and removes the containers, dependents first',
  restart: 'restarts the services in dependency order',
  pause: 'pauses every running container',
  unpause: 'unpauses every paused container',
};

/** The compose bar; must be inside the session provider. */
export function ComposeToolbar({ controller }: ComposeToolbarProps) {
  const { architecture, source, replay } = useSession();
  const state = useComposeState(controller);
  const progress = useComposeProgress(architecture);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [envOpen, setEnvOpen] = useState(false);
  const dragging = useFileDrop((files) => void controller.loadFiles(files, 'drop'));
  const ids = useId();

  // The loaded file is "current" while the session still shows what was loaded from it.
  const document = state.document && source.kind === 'spec' && source.spec === state.document.spec ? state.document : null;
  const isDefault = source.kind === 'spec' && source.spec === ecommerceScenario;
  const exampleValue = isDefault ? DEFAULT_EXAMPLE_ID : (document?.exampleId ?? '');

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    // Cleared so that choosing the same files again loads them again.
    input.value = '';
    if (files.length > 0) void controller.loadFiles(files, 'file');
  };

  const replayReason = replay ? 'A replayed docker events log is shown: load a compose file or an example to run Compose.' : undefined;

  return (
    <section className="compose-bar" aria-label="Compose project">
      <div className="compose-bar__row">
        <div className="compose-bar__open">
          <div className="compose-bar__example">
            <label className="compose-bar__caption" htmlFor={`${ids}-example`}>
              Example
            </label>
            <select id={`${ids}-example`} value={exampleValue} onChange={(e) => void controller.loadExample(e.target.value)}>
              {exampleValue === '' ? (
                <option value="" disabled>
                  {document ? 'Your compose file' : 'Other'}
                </option>
              ) : null}
              {COMPOSE_EXAMPLES.map((example) => (
                <option key={example.id} value={example.id}>
                  {example.label}
                </option>
              ))}
            </select>
          </div>
          <label
            className="tool-button compose-bar__file"
            title="Open a docker-compose / compose.yaml file (up to 1 MB each). Select several to open them together, as docker compose -f a.yaml -f b.yaml (with the files they include or extend). You can also drop them on the page."
          >
            Open compose file
            <input
              type="file"
              multiple
              className="visually-hidden"
              accept=".yml,.yaml,application/yaml,application/x-yaml,text/yaml,text/x-yaml"
              onChange={onPick}
            />
          </label>
          <button
            type="button"
            className="tool-button"
            aria-haspopup="dialog"
            aria-label="Paste compose file"
            title="Paste the text of a compose file"
            onClick={() => setPasteOpen(true)}
          >
            Paste…
          </button>
          <button
            type="button"
            className="tool-button"
            aria-haspopup="dialog"
            aria-label="Variables (.env)"
            title={
              state.env
                ? `${state.env.count} variables set from a pasted .env; used to interpolate \${VAR} in compose files`
                : 'Paste a .env file: its variables interpolate ${VAR} in compose files (without one, defaults apply)'
            }
            onClick={() => setEnvOpen(true)}
          >
            .env{state.env ? ` (${state.env.count})` : '…'}
          </button>
        </div>
        {document && document.profiles.length > 0 ? (
          <div className="compose-bar__profiles" role="group" aria-labelledby={`${ids}-profiles`}>
            <span id={`${ids}-profiles`} className="compose-bar__caption" title="docker compose --profile: services with profiles run only when one of them is active">
              Profiles
            </span>
            {document.profiles.map((profile) => (
              <label key={profile} className="compose-bar__profile">
                <input
                  type="checkbox"
                  checked={document.activeProfiles.includes(profile) || document.activeProfiles.includes('*')}
                  onChange={(e) => void controller.setProfile(profile, e.target.checked)}
                />
                {profile}
              </label>
            ))}
          </div>
        ) : null}
        <div className="compose-bar__actions" role="group" aria-labelledby={`${ids}-compose`} aria-describedby={replayReason ? `${ids}-replay` : undefined}>
          <span id={`${ids}-compose`} className="compose-bar__caption compose-bar__cli">
            docker compose
          </span>
          {COMPOSE_BUTTONS.map(({ action, name, word }) => (
            <button
              key={action}
              type="button"
              className="tool-button compose-bar__action"
              aria-label={name}
              title={replayReason ?? `${composeCli(action)}: ${WHAT_IT_DOES[action] ?? ''}`}
              disabled={replay !== null}
              onClick={() => architecture.compose(action)}
            >
              {word}
            </button>
          ))}
          {replayReason ? (
            <span id={`${ids}-replay`} className="visually-hidden">
              {replayReason}
            </span>
          ) : null}
        </div>
      </div>
      {state.busy ? (
        <p className="compose-bar__busy" role="status">
          {state.busy}
        </p>
      ) : null}
      {state.error && !pasteOpen ? <ComposeAlert message={state.error.message} onDismiss={controller.dismissError} /> : null}
      {document && state.warnings.length > 0 ? <ComposeWarnings warnings={state.warnings} onDismiss={controller.dismissWarnings} /> : null}
      {progress ? <ComposeProgressStrip progress={progress} /> : null}
      {pasteOpen ? (
        <Suspense fallback={null}>
          <PasteDialog
          title="Paste a compose file"
          label="Compose file (YAML)"
          submitLabel="Load"
          rows={16}
          placeholder={'services:\n  web:\n    image: nginx:alpine\n    depends_on:\n      - api\n  api:\n    image: my/api:1.0'}
          // On success the session is replaced and the page re-mounts, closing the dialog.
          onSubmit={(text) => controller.loadText(text, { origin: 'paste' })}
          onClose={() => {
            setPasteOpen(false);
            if (controller.get().error?.origin === 'paste') controller.dismissError();
          }}
          />
        </Suspense>
      ) : null}
      {envOpen ? (
        <Suspense fallback={null}>
          <PasteDialog
          title="Variables for interpolation (.env)"
          label=".env file (KEY=value lines)"
          submitLabel="Use these variables"
          rows={12}
          placeholder={'TAG=2.1\nREGISTRY=registry.example.com\n# comments and export KEY=value work too'}
          {...(state.env ? { initialText: state.env.text } : {})}
          onSubmit={(text) => controller.setEnv(text)}
          onClose={() => {
            setEnvOpen(false);
            if (controller.get().error?.origin === 'paste') controller.dismissError();
          }}
          {...(state.env ? { secondaryAction: { label: 'Clear variables', onClick: () => void controller.clearEnv() } } : {})}
          />
        </Suspense>
      ) : null}
      {dragging ? (
        <div className="compose-drop" aria-hidden="true">
          <p>Drop compose files (several open together, as -f) or a docker events log to open them</p>
        </div>
      ) : null}
    </section>
  );
}

/** An input error: the architecture on screen is unchanged. */
function ComposeAlert({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="input-alert compose-alert">
      <p role="alert" className="input-alert__message">
        {message}
      </p>
      <button type="button" className="tool-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** Parser warnings: the file loaded; these are worth knowing. */
function ComposeWarnings({ warnings, onDismiss }: { warnings: readonly string[]; onDismiss: () => void }) {
  const [first, ...rest] = warnings;
  return (
    <div className="compose-warnings" role="status">
      <div className="compose-warnings__body">
        <p className="compose-warnings__title">
          <span aria-hidden="true">⚠ </span>
          Loaded with {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}: {first}
        </p>
        {rest.length > 0 ? (
          <details className="compose-warnings__more">
            <summary>{rest.length} more</summary>
            <ul>
              {rest.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      <button type="button" className="tool-button" onClick={onDismiss}>
        Dismiss warnings
      </button>
    </div>
  );
}
