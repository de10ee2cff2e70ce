import { useId, type KeyboardEvent, type ReactNode } from 'react';

interface FormPanelProps {
  title: ReactNode;
  /** Called on Escape, like the form's Cancel button. */
  onCancel: () => void;
  children: ReactNode;
}

/** An inline dialog named by its heading; Escape cancels it. */
export function FormPanel({ title, onCancel, children }: FormPanelProps) {
  const titleId = `${useId()}-title`;

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // An enclosing dialog or page handler must not also react to this Escape.
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="panel stack" role="dialog" aria-labelledby={titleId} onKeyDown={handleKeyDown}>
      <h3 id={titleId}>{title}</h3>
      {children}
    </div>
  );
}
