import { useId } from 'react';
import { GRADES, gradeLabel, type Grade } from '../types';

interface StudentFiltersProps {
  search: string;
  onSearchChange: (value: string) => void;
  grade: Grade | '';
  onGradeChange: (grade: Grade | '') => void;
}

export function StudentFilters({ search, onSearchChange, grade, onGradeChange }: StudentFiltersProps) {
  const id = useId();
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-search`}>Search students</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          onChange={(event) => onSearchChange(event.target.value)}
          placeholder="Name or student number"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-grade`}>Grade</label>
        <select
          id={`${id}-grade`}
          value={grade}
          onChange={(event) => onGradeChange(event.target.value as Grade | '')}
        >
          <option value="">All grades</option>
          {GRADES.map((value) => (
            <option key={value} value={value}>
              {gradeLabel(value)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
