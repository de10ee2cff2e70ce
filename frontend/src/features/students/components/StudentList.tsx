import { PagedResults } from '@/components/PagedResults';
import { useStudents } from '../api/getStudents';
import { useStudentFilters } from '../hooks/useStudentFilters';
import { StudentFilters } from './StudentFilters';
import { StudentTable } from './StudentTable';

export function StudentList() {
  const filters = useStudentFilters();
  const studentsQuery = useStudents(filters.query);

  return (
    <section className="stack" aria-labelledby="students-heading">
      <h1 id="students-heading">Students</h1>
      <StudentFilters
        search={filters.searchInput}
        onSearchChange={filters.setSearchInput}
        grade={filters.grade}
        onGradeChange={filters.setGrade}
      />
      <PagedResults query={studentsQuery} noun="students" onPageChange={filters.setPage}>
        {(rows, busy) => <StudentTable students={rows} busy={busy} />}
      </PagedResults>
    </section>
  );
}
