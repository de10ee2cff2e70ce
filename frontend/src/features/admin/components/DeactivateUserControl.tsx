import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AdminUser } from '../types';

interface DeactivateUserControlProps {
  user: AdminUser;
  pending: boolean;
  onDeactivate: () => void;
  onReactivate: () => void;
}

/**
 * "Deactivate" asks first (the person is signed out at once and cannot sign in); focus moves
 * to the question and back to the button after. "Reactivate" needs no confirmation.
 */
export function DeactivateUserControl({
  user,
  pending,
  onDeactivate,
  onReactivate,
}: DeactivateUserControlProps) {
  const promptId = useId();
  // 'returning' differs from 'idle' so only leaving the question, not the first render, moves focus.
  const [step, setStep] = useState<'idle' | 'confirming' | 'returning'>('idle');
  const toggleRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (step === 'confirming') confirmRef.current?.focus();
    if (step === 'returning') toggleRef.current?.focus();
  }, [step]);

  if (step === 'confirming') {
    const cancelOnEscape = (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setStep('returning');
    };
    return (
      <div className="stack" role="group" aria-labelledby={promptId} onKeyDown={cancelOnEscape}>
        <p id={promptId}>
          Deactivate {user.name}? They are signed out now and cannot sign in until reactivated.
        </p>
        <div className="row">
          <button
            ref={confirmRef}
            type="button"
            className="button button-primary"
            onClick={() => {
              onDeactivate();
              setStep('returning');
            }}
          >
            Yes, deactivate
          </button>
          <button type="button" className="button" onClick={() => setStep('returning')}>
            Cancel
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="row">
      <button
        ref={toggleRef}
        type="button"
        className="button"
        // Not disabled while saving: focus comes back here after the question.
        aria-disabled={pending || undefined}
        aria-label={`${user.isActive ? 'Deactivate' : 'Reactivate'} ${user.name}`}
        onClick={() => {
          if (pending) return;
          if (user.isActive) setStep('confirming');
          else onReactivate();
        }}
      >
        {user.isActive ? 'Deactivate' : 'Reactivate'}
      </button>
    </div>
  );
}
