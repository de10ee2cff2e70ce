import { Pagination } from '@/components/Pagination';
import { useStudents } from '../api/getStudents';
import { useStudentFilters } from '../hooks/useStudentFilters';
import { StudentFilters } from './StudentFilters';
import { StudentTable } from './StudentTable';

export function StudentList() {
  const filters = useStudentFilters();
  const studentsQuery = useStudents(filters.query);
  const result = studentsQuery.data;

  return (
    <section className="stack" aria-labelledby="students-heading">
      <h1 id="students-heading">Students</h1>
      <StudentFilters
        search={filters.searchInput}
        onSearchChange={filters.setSearchInput}
        grade={filters.grade}
        onGradeChange={filters.setGrade}
      />
      {studentsQuery.isError && (
        <p className="alert alert-error" role="alert">
          {studentsQuery.error.message}
        </p>
      )}
      {studentsQuery.isPending && (
        <p className="muted" role="status">
          Loading students…
        </p>
      )}
      {result && result.data.length === 0 && (
        <p className="muted" role="status">
          No students match these filters.
        </p>
      )}
      {result && result.data.length > 0 && (
        <>
          <StudentTable students={result.data} busy={studentsQuery.isPlaceholderData} />
          <Pagination
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            noun="students"
            onPageChange={filters.setPage}
            disabled={studentsQuery.isPlaceholderData}
          />
        </>
      )}
    </section>
  );
}
