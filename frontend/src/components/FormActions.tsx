interface FormActionsProps {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** The server's message when saving failed; shown above the buttons. */
  error?: string;
  errorId?: string;
}

/** A form's server error, its submit button (disabled while saving) and Cancel. */
export function FormActions({ submitLabel, pending, onCancel, error, errorId }: FormActionsProps) {
  return (
    <>
      {error !== undefined && (
        <p id={errorId} className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
