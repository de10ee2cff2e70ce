import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { searchStudents, type StudentOption } from '@/services/api/searchStudents';
import { FormField } from './FormField';

export type { StudentOption };

/** Fewer letters match half the district; the picker asks for at least this many. */
export const MIN_STUDENT_SEARCH_LENGTH = 2;
const SEARCH_DEBOUNCE_MS = 300;

function gradeText(grade: string): string {
  if (grade === 'PK') return 'Pre-K';
  if (grade === 'K') return 'Kindergarten';
  return `Grade ${grade}`;
}

/** "Martinez, Ava · Grade 5 · S-1". */
export function studentOptionLabel(student: StudentOption): string {
  const parts = [`${student.lastName}, ${student.firstName}`, gradeText(student.grade)];
  if (student.studentNumber) parts.push(student.studentNumber);
  return parts.join(' · ');
}

function matchesText(search: string, found: StudentOption[] | undefined, searching: boolean): string {
  if (search.length < MIN_STUDENT_SEARCH_LENGTH)
    return `Type at least ${MIN_STUDENT_SEARCH_LENGTH} letters of a name or a student number.`;
  if (searching && !found) return 'Searching…';
  if (!found) return '';
  if (found.length === 0) return 'No students match.';
  return `${found.length} student${found.length === 1 ? '' : 's'} found: choose one below.`;
}

interface StudentPickerProps {
  value: StudentOption | null;
  onChange: (student: StudentOption | null) => void;
  /** Text of the empty option: "Choose a student" when one is required, "All students" in a filter. */
  emptyLabel: string;
  label?: string;
  error?: string;
  /** The select's id, so a form can move focus to it when it is invalid. */
  selectId?: string;
  /** Focus the search box when the picker appears (it opens a form). */
  autoFocus?: boolean;
}

/** A search box and the matching students in a plain select: keyboard and screen-reader friendly. */
export function StudentPicker({
  value,
  onChange,
  emptyLabel,
  label = 'Student',
  error,
  selectId,
  autoFocus,
}: StudentPickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const results = useQuery({
    queryKey: ['student-picker', debounced],
    queryFn: ({ signal }) => searchStudents(debounced, signal),
    enabled: debounced.length >= MIN_STUDENT_SEARCH_LENGTH,
    // The previous matches stay listed while the next search loads.
    placeholderData: keepPreviousData,
  });
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
          autoFocus={autoFocus}
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
      <FormField id={selectId ?? `${id}-student`} label={label} error={error}>
        {(control) => (
          <select
            {...control}
            value={value?.id ?? ''}
            onChange={(event) => onChange(options.find((s) => s.id === event.target.value) ?? null)}
          >
            <option value="">{emptyLabel}</option>
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
