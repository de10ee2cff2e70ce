import { useId } from 'react';
import { FormField } from '@/components/FormField';
import { SchoolSelect } from '@/components/SchoolSelect';
import type { School } from '@/services/api/getSchools';
import type { ComplianceFilterValues } from '../hooks/useComplianceFilters';
import { GRADES, type Grade } from '../types';
import { gradeText } from './complianceText';

interface ComplianceFiltersProps {
  values: ComplianceFilterValues;
  onChange: <K extends keyof ComplianceFilterValues>(key: K, value: ComplianceFilterValues[K]) => void;
  schools: School[] | undefined;
  schoolsError: string | null;
}

/** Applied as they change: each is a select or a whole date, never a half-typed word. */
export function ComplianceFilters({ values, onChange, schools, schoolsError }: ComplianceFiltersProps) {
  const id = useId();
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter compliance"
      onSubmit={(e) => e.preventDefault()}
    >
      <SchoolSelect
        id={`${id}-school`}
        schools={schools}
        error={schoolsError ?? undefined}
        value={values.schoolId}
        onChange={(schoolId) => onChange('schoolId', schoolId)}
      />
      <FormField id={`${id}-grade`} label="Grade">
        {(control) => (
          <select
            {...control}
            value={values.grade}
            onChange={(event) => onChange('grade', event.target.value as Grade | '')}
          >
            <option value="">All grades</option>
            {GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {gradeText(grade)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${id}-as-of`} label="As of">
        {(control) => (
          <input
            {...control}
            type="date"
            value={values.asOf}
            onChange={(event) => onChange('asOf', event.target.value)}
          />
        )}
      </FormField>
    </form>
  );
}
