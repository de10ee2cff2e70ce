import { useId, useState } from 'react';
import { FormField } from '@/components/FormField';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { MIN_STUDENT_SEARCH_LENGTH, useStudentSearch } from '../api/searchStudents';
import type { StudentOption } from '../types';
import { studentOptionLabel } from './reportLabels';

const SEARCH_DEBOUNCE_MS = 300;

interface StudentPickerProps {
  value: StudentOption | null;
  onChange: (student: StudentOption | null) => void;
  /** Optional: the first option is "All students". */
  required: boolean;
  error?: string;
}

function matchesText(search: string, found: StudentOption[] | undefined, searching: boolean): string {
  if (search.length < MIN_STUDENT_SEARCH_LENGTH)
    return `Type at least ${MIN_STUDENT_SEARCH_LENGTH} letters of a name or a student number.`;
  if (searching && !found) return 'Searching…';
  if (!found) return '';
  if (found.length === 0) return 'No students match.';
  return `${found.length} student${found.length === 1 ? '' : 's'} found: choose one below.`;
}

/** A search box and the matching students in a plain select: keyboard and screen-reader friendly. */
export function StudentPicker({ value, onChange, required, error }: StudentPickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const results = useStudentSearch(debounced);
  const found = debounced.length >= MIN_STUDENT_SEARCH_LENGTH ? results.data : undefined;
  // The chosen student stays selectable while the next search shows other names.
  const options = value && !found?.some((s) => s.id === value.id) ? [value, ...(found ?? [])] : (found ?? []);

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-search`}>Find a student</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Name or student number"
          autoComplete="off"
          aria-describedby={`${id}-matches`}
        />
        <p id={`${id}-matches`} className="muted" aria-live="polite">
          {matchesText(debounced, found, results.isFetching)}
        </p>
        {results.isError && (
          <p className="alert alert-error" role="alert">
            Students could not be searched: {results.error.message}
          </p>
        )}
      </div>
      <FormField id={`${id}-student`} label={required ? 'Student' : 'Student (optional)'} error={error}>
        {(control) => (
          <select
            {...control}
            value={value?.id ?? ''}
            onChange={(event) => onChange(options.find((s) => s.id === event.target.value) ?? null)}
          >
            <option value="">{required ? 'Choose a student' : 'All students'}</option>
            {options.map((student) => (
              <option key={student.id} value={student.id}>
                {studentOptionLabel(student)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
