import { FormField } from '@/components/FormField';
import type { School } from '../types';

interface SchoolFilterProps {
  id: string;
  /** Undefined while the list loads: "All schools" is there from the start. */
  schools: School[] | undefined;
  /** Why the schools could not be listed (the list still works without the filter). */
  error?: string;
  value: string;
  onChange: (schoolId: string) => void;
}

/** "All schools" or one of the organization's schools (the student's school). */
export function SchoolFilter({ id, schools, error, value, onChange }: SchoolFilterProps) {
  return (
    <FormField id={id} label="School" error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">All schools</option>
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
