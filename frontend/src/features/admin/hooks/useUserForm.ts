import { useState } from 'react';
import type { CreateUserInput, UserRole } from '../types';

/** The server's rule (NIST SP 800-63B): long, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export interface UserFormValues {
  name: string;
  email: string;
  role: UserRole | '';
  password: string;
}

export type UserFormErrors = Partial<Record<keyof UserFormValues, string>>;

export const USER_FIELD_ORDER: Array<keyof UserFormValues> = ['name', 'email', 'role', 'password'];

// Enough to catch a typo; the server has the last word (its 400 message is shown).
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateUser(values: UserFormValues): UserFormErrors {
  const errors: UserFormErrors = {};
  if (!values.name.trim()) errors.name = 'Enter the person’s name.';
  if (!values.email.trim()) errors.email = 'Enter an email address.';
  else if (!EMAIL_PATTERN.test(values.email.trim()))
    errors.email = 'Enter an email address like name@school.org.';
  if (!values.role) errors.role = 'Choose a role.';
  if (values.password.length < PASSWORD_MIN_LENGTH)
    errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  else if (values.password.length > PASSWORD_MAX_LENGTH)
    errors.password = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return errors;
}

export function toCreateUserInput(values: UserFormValues): CreateUserInput {
  return {
    name: values.name.trim(),
    email: values.email.trim().toLowerCase(),
    role: values.role as UserRole,
    password: values.password,
  };
}

export function useUserForm() {
  const [values, setValues] = useState<UserFormValues>({ name: '', email: '', role: '', password: '' });
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateUser(values) : {};
  const setValue = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  return { values, setValue, errors, markSubmitted: () => setSubmitted(true) };
}
