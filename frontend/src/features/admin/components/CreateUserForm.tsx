import { useEffect, useId, useRef, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { useCreateUser } from '../api/createUser';
import {
  PASSWORD_MIN_LENGTH,
  toCreateUserInput,
  USER_FIELD_ORDER,
  useUserForm,
  validateUser,
  type UserFormValues,
} from '../hooks/useUserForm';
import { USER_ROLES, type AdminUser, type UserRole } from '../types';
import { ROLE_LABELS } from './userLabels';

interface CreateUserFormProps {
  onCancel: () => void;
  onCreated: (user: AdminUser) => void;
}

/** Name, email, role and a first password (the server sends no invitations). */
export function CreateUserForm({ onCancel, onCreated }: CreateUserFormProps) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const { values, setValue, errors, markSubmitted } = useUserForm();
  const mutation = useCreateUser({ onSuccess: onCreated });
  const fieldId = (name: keyof UserFormValues) => `${id}-${name}`;

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateUser(values);
    const firstInvalid = USER_FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    mutation.mutate(toCreateUserInput(values));
  };

  return (
    <FormPanel title="Add a user" onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <FormField id={fieldId('name')} label="Name" error={errors.name}>
            {(control) => (
              <input
                {...control}
                ref={nameRef}
                value={values.name}
                onChange={(event) => setValue('name', event.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
          <FormField id={fieldId('email')} label="Email" error={errors.email}>
            {(control) => (
              <input
                {...control}
                type="email"
                value={values.email}
                onChange={(event) => setValue('email', event.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
          <FormField id={fieldId('role')} label="Role" error={errors.role}>
            {(control) => (
              <select
                {...control}
                value={values.role}
                onChange={(event) => setValue('role', event.target.value as UserRole | '')}
              >
                <option value="">Choose…</option>
                {USER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('password')} label="First password" error={errors.password}>
            {(control) => (
              <input
                {...control}
                type="password"
                value={values.password}
                onChange={(event) => setValue('password', event.target.value)}
                autoComplete="new-password"
                aria-describedby={[`${id}-password-hint`, control['aria-describedby']]
                  .filter(Boolean)
                  .join(' ')}
              />
            )}
          </FormField>
        </div>
        <p id={`${id}-password-hint`} className="muted">
          At least {PASSWORD_MIN_LENGTH} characters. Give it to the person in person or by phone, never by
          email.
        </p>
        <FormActions
          submitLabel="Add user"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error ? `The user was not added: ${mutation.error.message}` : undefined}
        />
      </form>
    </FormPanel>
  );
}
