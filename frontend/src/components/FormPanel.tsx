import { useId, type KeyboardEvent, type ReactNode } from 'react';

interface FormPanelProps {
  title: ReactNode;
  /** The title's heading level: 3 inside a titled section (the default), 2 right under the page's h1. */
  headingLevel?: 2 | 3;
  /** Called on Escape, like the form's Cancel button. */
  onCancel: () => void;
  children: ReactNode;
}

/** An inline dialog named by its heading; Escape cancels it. */
export function FormPanel({ title, headingLevel = 3, onCancel, children }: FormPanelProps) {
  const titleId = `${useId()}-title`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // An enclosing dialog or page handler must not also react to this Escape.
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="panel stack" role="dialog" aria-labelledby={titleId} onKeyDown={handleKeyDown}>
      <Heading id={titleId}>{title}</Heading>
      {children}
    </div>
  );
}
