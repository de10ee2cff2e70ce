import { FormField } from '@/components/FormField';
import type { School } from '../types';

interface SchoolFilterProps {
  id: string;
  schools: School[];
  value: string;
  onChange: (schoolId: string) => void;
}

/** "All schools" or one of the organization's schools. */
export function SchoolFilter({ id, schools, value, onChange }: SchoolFilterProps) {
  return (
    <FormField id={id} label="School">
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">All schools</option>
          {schools.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
