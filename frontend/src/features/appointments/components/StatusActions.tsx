import { useEffect, useRef, useState } from 'react';
import { useUpdateAppointment } from '../api/updateAppointment';
import type { Appointment, AppointmentUpdate } from '../types';

export type FinalStatus = NonNullable<AppointmentUpdate['status']>;

const actions: Array<{ status: FinalStatus; label: string; question: string; confirm: string }> = [
  {
    status: 'COMPLETED',
    label: 'Mark completed',
    question: 'Mark this visit completed?',
    confirm: 'Yes, completed',
  },
  {
    status: 'NO_SHOW',
    label: 'Mark no-show',
    question: 'Record that the student did not come?',
    confirm: 'Yes, no-show',
  },
  {
    status: 'CANCELLED',
    label: 'Cancel appointment',
    question: 'Cancel this appointment?',
    confirm: 'Yes, cancel it',
  },
];

interface StatusActionsProps {
  appointment: Appointment;
  /** Names the visit for screen readers: "9:00 AM – 9:15 AM, Follow up". */
  context: string;
  /** After the server saved the new status (these buttons then go away). */
  onChanged: (status: FinalStatus) => void;
}

/**
 * Complete, no-show or cancel a scheduled visit. Each is final (the server does not reopen a
 * visit), so each asks once more; focus moves to the question and back.
 */
export function StatusActions({ appointment, context, onChanged }: StatusActionsProps) {
  // `declined` remembers which question was just answered "no", to hand focus back to its button.
  const [asking, setAsking] = useState<{ status: FinalStatus | null; declined: FinalStatus | null }>({
    status: null,
    declined: null,
  });
  const confirmRef = useRef<HTMLButtonElement>(null);
  const buttonsRef = useRef<Partial<Record<FinalStatus, HTMLButtonElement | null>>>({});
  const mutation = useUpdateAppointment({
    onSuccess: (_saved, { changes }) => {
      if (changes.status) onChanged(changes.status);
    },
  });
  const question = actions.find((action) => action.status === asking.status);

  useEffect(() => {
    if (asking.status) confirmRef.current?.focus();
    else if (asking.declined) buttonsRef.current[asking.declined]?.focus();
  }, [asking]);

  if (question) {
    return (
      <div className="stack" role="group" aria-label={`Confirm: ${question.question}`}>
        <p>
          <strong>{question.question}</strong> This cannot be undone.
        </p>
        {mutation.isError && (
          <p className="alert alert-error" role="alert">
            {mutation.error.message}
          </p>
        )}
        <div className="row">
          <button
            ref={confirmRef}
            type="button"
            className="button button-primary"
            disabled={mutation.isPending}
            onClick={() =>
              mutation.mutate({ appointmentId: appointment.id, changes: { status: question.status } })
            }
          >
            {mutation.isPending ? 'Saving…' : question.confirm}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              mutation.reset();
              setAsking({ status: null, declined: question.status });
            }}
          >
            Keep it scheduled
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="row">
      {actions.map((action) => (
        <button
          key={action.status}
          ref={(button) => {
            buttonsRef.current[action.status] = button;
          }}
          type="button"
          className="button"
          onClick={() => setAsking({ status: action.status, declined: null })}
        >
          {action.label}
          <span className="visually-hidden">: {context}</span>
        </button>
      ))}
    </div>
  );
}
