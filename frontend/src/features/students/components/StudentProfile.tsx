import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatCalendarDate } from '@/lib/formatDate';
import { useStudent } from '../api/getStudent';
import { gradeLabel, studentName, type Prescription, type StudentProfile as Profile } from '../types';
import { AlertBanner } from './AlertBanner';
import { AllergySection } from './AllergySection';
import { ConditionSection } from './ConditionSection';
import { ContactSection } from './ContactSection';
import { HealthSummaryButton } from './HealthSummaryButton';
import { ImmunizationSection } from './ImmunizationSection';
import { IncidentSection } from './IncidentSection';
import { MedicaidEligibilitySection } from './MedicaidEligibilitySection';
import { MedicationSection } from './MedicationSection';
import { ScreeningSection } from './ScreeningSection';

/**
 * Slots the app fills with other features (this feature imports none of them). A slot left
 * out is simply not shown: a VIEWER gets no "Record dose" or "Record incident".
 */
export interface StudentProfileSlots {
  medicationAction?: (student: Profile, prescription: Prescription) => ReactNode;
  incidentAction?: (student: Profile) => ReactNode;
  immunizationStatus?: (student: Profile) => ReactNode;
}

interface StudentProfileProps extends StudentProfileSlots {
  studentId: string;
  /** The "Health summary (PDF)" button; the server still refuses a role without access. */
  showHealthSummary?: boolean;
  /** Medicaid eligibility and "Check now": ADMIN and NURSE only (the server refuses a VIEWER). */
  showMedicaid?: boolean;
}

function BackLink() {
  return (
    <p>
      <Link to={paths.students}>← Back to students</Link>
    </p>
  );
}

export function StudentProfile({
  studentId,
  medicationAction,
  incidentAction,
  immunizationStatus,
  showHealthSummary = true,
  showMedicaid = false,
}: StudentProfileProps) {
  const studentQuery = useStudent(studentId);

  if (studentQuery.isPending) {
    return (
      <p className="muted" role="status">
        Loading student…
      </p>
    );
  }
  if (studentQuery.isError) {
    return (
      <section className="stack">
        <BackLink />
        <p className="alert alert-error" role="alert">
          {studentQuery.error.message}
        </p>
      </section>
    );
  }

  const student = studentQuery.data;
  return (
    <article className="stack profile" aria-labelledby="student-heading">
      <BackLink />
      <header className="stack profile-header">
        <h1 id="student-heading">{studentName(student)}</h1>
        <p className="muted">
          {gradeLabel(student.grade)} · born{' '}
          <time dateTime={student.dateOfBirth}>{formatCalendarDate(student.dateOfBirth)}</time>
          {student.studentNumber && <> · student number {student.studentNumber}</>}
        </p>
        {showHealthSummary && <HealthSummaryButton student={student} />}
      </header>
      <AlertBanner alerts={student.alerts ?? []} allergies={student.allergies} />
      <AllergySection allergies={student.allergies} />
      <ConditionSection conditions={student.conditions} />
      <MedicationSection
        medications={student.medications}
        renderAction={medicationAction && ((prescription) => medicationAction(student, prescription))}
      />
      <ImmunizationSection immunizations={student.immunizations} status={immunizationStatus?.(student)} />
      <ScreeningSection screenings={student.screenings} />
      <IncidentSection incidents={student.incidents} action={incidentAction?.(student)} />
      <ContactSection contacts={student.emergencyContacts} />
      {showMedicaid && <MedicaidEligibilitySection studentId={student.id} />}
    </article>
  );
}
