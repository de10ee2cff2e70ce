import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { formatDateTime } from '@/lib/formatDate';
import { useAcknowledgeAlert } from '../api/acknowledgeAlert';
import { playAlertSound } from '../hooks/playAlertSound';
import type { EmergencyAlert } from '../types';
import { alertTitle, severityClass, severityText } from './alertLabels';

interface EmergencyAlertModalProps {
  alert: EmergencyAlert;
  /** How many more alerts wait behind this one. */
  waiting?: number;
}

const FOCUSABLE = 'button:not([disabled]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * An emergency that cannot be missed: a modal alert dialog over every screen, with a beep,
 * that only Acknowledge closes. Focus moves into it and stays there; the layout makes the
 * page behind it inert. The next waiting alert (if any) takes its place.
 */
export function EmergencyAlertModal({ alert, waiting = 0 }: EmergencyAlertModalProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const detailsId = `${id}-details`;
  const dialogRef = useRef<HTMLDivElement>(null);
  const acknowledgeRef = useRef<HTMLButtonElement>(null);
  const mutation = useAcknowledgeAlert();
  const { reset } = mutation;

  // Focus moves here when the dialog opens and goes back where it was when it closes.
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  // Each new (or newly escalated) alert beeps and takes the focus.
  useEffect(() => {
    reset();
    acknowledgeRef.current?.focus();
    playAlertSound();
  }, [alert.id, alert.escalated, reset]);

  // Anything that steals focus (a click outside, a script) gives it straight back.
  useEffect(() => {
    const keepFocus = (event: FocusEvent) => {
      if (dialogRef.current && !dialogRef.current.contains(event.target as Node)) {
        acknowledgeRef.current?.focus();
      }
    };
    document.addEventListener('focusin', keepFocus);
    return () => document.removeEventListener('focusin', keepFocus);
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // Only Acknowledge closes an emergency.
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="emergency-modal stack"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={detailsId}
        onKeyDown={trapTab}
      >
        <div className="row emergency-heading">
          <h2 id={titleId}>{alertTitle(alert)}</h2>
          <span className={`badge ${severityClass(alert.severity)}`}>{severityText(alert)}</span>
          {alert.escalated && <span className="badge escalated-badge">Escalated</span>}
        </div>
        <dl id={detailsId} className="facts emergency-facts">
          <div>
            <dt>Student</dt>
            <dd>{alert.studentName ?? 'No student named'}</dd>
          </div>
          <div>
            <dt>Location</dt>
            <dd>{alert.location}</dd>
          </div>
          <div>
            <dt>What happened</dt>
            <dd>{alert.description}</dd>
          </div>
          <div>
            <dt>Raised by</dt>
            <dd>{alert.raisedBy.name}</dd>
          </div>
          <div>
            <dt>Time</dt>
            <dd>
              <time dateTime={alert.createdAt}>{formatDateTime(alert.createdAt)}</time>
            </dd>
          </div>
        </dl>
        {waiting > 0 && (
          <p className="muted">
            {waiting} more alert{waiting === 1 ? '' : 's'} waiting after this one.
          </p>
        )}
        {mutation.isError && (
          <p className="alert alert-error" role="alert">
            {mutation.error.message}
          </p>
        )}
        <div className="row">
          <button
            ref={acknowledgeRef}
            type="button"
            className="button button-primary button-large"
            // Not `disabled`: a disabled button would drop the focus out of the dialog.
            aria-disabled={mutation.isPending || undefined}
            onClick={() => {
              if (!mutation.isPending) mutation.mutate(alert.id);
            }}
          >
            {mutation.isPending ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        </div>
      </div>
    </div>
  );
}
