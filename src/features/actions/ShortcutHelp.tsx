/** The list of keyboard shortcuts (shown while nothing is selected). */
import { COMMANDS } from './commands';

/** A compact definition list of the shortcuts. */
export function ShortcutHelp() {
  return (
    <section className="shortcut-help" aria-labelledby="shortcut-help-title">
      <h2 id="shortcut-help-title" className="panel-subtitle">
        Keyboard shortcuts (with a container selected)
      </h2>
      <dl>
        {COMMANDS.map((c) => (
          <div key={c.label}>
            <dt>
              {c.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
              {c.label === 'Remove' ? (
                <>
                  {' '}
                  or <kbd>Delete</kbd>
                </>
              ) : null}
            </dt>
            <dd>{c.label}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>Deselect</dd>
        </div>
      </dl>
    </section>
  );
}
