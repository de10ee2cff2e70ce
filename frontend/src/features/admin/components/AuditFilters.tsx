import { useId, type FormEvent } from 'react';
import { FormField } from '@/components/FormField';
import { StudentPicker } from '@/components/StudentPicker';
import {
  AUDIT_FILTER_FIELDS,
  type AuditFilterErrors,
  type AuditFilterValues,
} from '../hooks/useAuditFilters';
import type { AdminUser } from '../types';

/** Actions worth suggesting; any other action can be typed. */
const COMMON_ACTIONS = [
  'student.read',
  'student.update',
  'login.success',
  'login.failure',
  'logout',
  'administration.create',
  'incident.create',
  'immunization.registry.submit',
  'immunization.registry.import',
  'report.download',
  'user.create',
  'user.update',
  'audit_log.read',
  'audit_log.verify',
  'sis.sync',
];

interface AuditFiltersProps {
  values: AuditFilterValues;
  errors: AuditFilterErrors;
  onChange: <K extends keyof AuditFilterValues>(key: K, value: AuditFilterValues[K]) => void;
  /** Applies the filters when valid; answers the errors found. */
  onApply: () => AuditFilterErrors;
  onClear: () => void;
  users: AdminUser[] | undefined;
  usersError: string | null;
}

export function AuditFilters({
  values,
  errors,
  onChange,
  onApply,
  onClear,
  users,
  usersError,
}: AuditFiltersProps) {
  const id = useId();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = onApply();
    const firstInvalid = AUDIT_FILTER_FIELDS.find((name) => found[name]);
    if (firstInvalid) document.getElementById(`${id}-${firstInvalid}`)?.focus();
  };

  return (
    <form
      className="stack"
      role="search"
      aria-label="Filter the audit log"
      noValidate
      onSubmit={handleSubmit}
    >
      <div className="form-grid">
        <FormField id={`${id}-from`} label="From" error={errors.from}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.from}
              onChange={(event) => onChange('from', event.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${id}-to`} label="To" error={errors.to}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.to}
              onChange={(event) => onChange('to', event.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${id}-user`} label="User" error={usersError ?? undefined}>
          {(control) => (
            <select
              {...control}
              value={values.userId}
              onChange={(event) => onChange('userId', event.target.value)}
            >
              <option value="">All users</option>
              {users?.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} ({user.email})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${id}-action`} label="Action" error={errors.action}>
          {(control) => (
            <>
              <input
                {...control}
                value={values.action}
                onChange={(event) => onChange('action', event.target.value)}
                list={`${id}-actions`}
                placeholder="e.g. student.read"
                autoComplete="off"
                spellCheck={false}
              />
              <datalist id={`${id}-actions`}>
                {COMMON_ACTIONS.map((action) => (
                  <option key={action} value={action} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
      </div>
      <StudentPicker
        value={values.student}
        onChange={(student) => onChange('student', student)}
        emptyLabel="All students"
      />
      <div className="row">
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        <button type="button" className="button" onClick={onClear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
