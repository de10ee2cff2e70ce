import { useId } from 'react';
import { FormField } from '@/components/FormField';
import { SchoolSelect } from '@/components/SchoolSelect';
import { SelectField } from '@/components/SelectField';
import { StudentPicker } from '@/components/StudentPicker';
import type { School } from '@/services/api/getSchools';
import type { IncidentFilterValues } from '../hooks/useIncidentFilters';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES } from '../types';

interface IncidentFiltersProps {
  filters: IncidentFilterValues;
  onChange: <K extends keyof IncidentFilterValues>(key: K, value: IncidentFilterValues[K]) => void;
  /** A range that ends before it starts. */
  rangeError?: string;
  onClear: () => void;
  /** The school filter's choices; undefined while they load. */
  schools: School[] | undefined;
  schoolsError?: string;
}

export function IncidentFilters({
  filters,
  onChange,
  rangeError,
  onClear,
  schools,
  schoolsError,
}: IncidentFiltersProps) {
  const id = useId();
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter incidents"
      onSubmit={(event) => event.preventDefault()}
    >
      <FormField id={`${id}-from`} label="From">
        {(control) => (
          <input
            {...control}
            type="date"
            value={filters.from}
            onChange={(event) => onChange('from', event.target.value)}
          />
        )}
      </FormField>
      <FormField id={`${id}-to`} label="To" error={rangeError}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={filters.to}
            onChange={(event) => onChange('to', event.target.value)}
          />
        )}
      </FormField>
      <SelectField
        id={`${id}-type`}
        label="Type"
        value={filters.type}
        options={INCIDENT_TYPES}
        onChange={(value) => onChange('type', value)}
        placeholder="All types"
      />
      <SelectField
        id={`${id}-severity`}
        label="Severity"
        value={filters.severity}
        options={INCIDENT_SEVERITIES}
        onChange={(value) => onChange('severity', value)}
        placeholder="All severities"
      />
      <SchoolSelect
        id={`${id}-school`}
        schools={schools}
        error={schoolsError}
        value={filters.schoolId}
        onChange={(schoolId) => onChange('schoolId', schoolId)}
      />
      <StudentPicker
        value={filters.student}
        onChange={(student) => onChange('student', student)}
        emptyLabel="All students"
      />
      <div className="field">
        <button type="button" className="button" onClick={onClear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
