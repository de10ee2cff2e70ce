import { Link } from 'react-router';
import { studentProfilePath } from '@/config/paths';

interface StudentLinkProps {
  studentId: string;
  studentName?: string | null;
  /** Tells one "Student profile" link from the next when the name is not known. */
  context: string;
}

/** The student's name linking to their profile, or "Student profile" when the server sends no name. */
export function StudentLink({ studentId, studentName, context }: StudentLinkProps) {
  return (
    <Link to={studentProfilePath(studentId)}>
      {studentName ?? (
        <>
          Student profile<span className="visually-hidden"> for {context}</span>
        </>
      )}
    </Link>
  );
}
