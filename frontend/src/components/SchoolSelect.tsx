import type { School } from '@/services/api/getSchools';
import { FormField } from './FormField';

interface SchoolSelectProps {
  id: string;
  /** Undefined while the list loads: the empty option is there from the start. */
  schools: School[] | undefined;
  /** Why the schools could not be listed (the page still works without the choice). */
  error?: string;
  value: string;
  onChange: (schoolId: string) => void;
  /** Text of the empty option: "All schools" in a filter. */
  emptyLabel?: string;
  label?: string;
}

/** The empty option or one of the organization's schools, in a plain labelled select. */
export function SchoolSelect({
  id,
  schools,
  error,
  value,
  onChange,
  emptyLabel = 'All schools',
  label = 'School',
}: SchoolSelectProps) {
  return (
    <FormField id={id} label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{emptyLabel}</option>
          {schools?.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
