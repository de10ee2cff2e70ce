import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface ActionPanelControls {
  /** Closes the panel and hands focus back to the button. */
  close: () => void;
  /** Closes the panel and announces the message under the button. */
  succeed: (message: string) => void;
}

interface ActionPanelProps {
  /** The button's content; it may carry visually hidden context for screen readers. */
  label: ReactNode;
  renderForm: (controls: ActionPanelControls) => ReactNode;
}

/** A button that opens a form panel below it; focus returns to the button when the panel closes. */
export function ActionPanel({ label, renderForm }: ActionPanelProps) {
  // 'closed' differs from 'idle' so that only closing the panel, not the first render, moves focus.
  const [panel, setPanel] = useState<'idle' | 'open' | 'closed'>('idle');
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const open = panel === 'open';

  useEffect(() => {
    if (panel === 'closed') buttonRef.current?.focus();
  }, [panel]);

  // No refs in here: renderForm is called during render, where refs must not be read.
  const close = () => setPanel('closed');
  const succeed = (message: string) => {
    setConfirmation(message);
    close();
  };

  return (
    <div className="stack">
      <div className="row">
        <button
          ref={buttonRef}
          type="button"
          className="button"
          aria-expanded={open}
          onClick={() => {
            setConfirmation(null);
            setPanel('open');
          }}
        >
          {label}
        </button>
      </div>
      {confirmation && (
        <p className="alert alert-success" role="status">
          {confirmation}
        </p>
      )}
      {open && renderForm({ close, succeed })}
    </div>
  );
}
