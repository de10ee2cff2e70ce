import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/getMe';
import { ImmunizationStatusSummary } from '@/features/immunizations/components/ImmunizationStatusSummary';
import { RecordIncidentAction } from '@/features/incidents/components/RecordIncidentAction';
import { RecordDoseAction } from '@/features/medications/components/RecordDoseAction';
import { studentKeys } from '@/features/students/api/studentKeys';
import { StudentProfile } from '@/features/students/components/StudentProfile';
import { studentName } from '@/features/students/types';
import { CLINICAL_STAFF } from '../auth/roles';

/**
 * The profile page: the students feature draws the profile, and this route plugs in the other
 * features (record a dose, record an incident, immunization status), which never import each other.
 */
export function StudentProfileRoute() {
  const { studentId = '' } = useParams();
  const queryClient = useQueryClient();
  const me = useMe();
  const canRecord = me.data !== undefined && CLINICAL_STAFF.includes(me.data.role);
  const refreshProfile = () => queryClient.invalidateQueries({ queryKey: studentKeys.detail(studentId) });

  return (
    <StudentProfile
      key={studentId}
      studentId={studentId}
      // The server refuses health summaries and Medicaid checks to viewers: offer neither.
      showHealthSummary={canRecord}
      showMedicaid={canRecord}
      immunizationStatus={(student) => (
        <ImmunizationStatusSummary
          studentId={student.id}
          canManageRegistry={canRecord}
          onRecordsChanged={refreshProfile}
        />
      )}
      medicationAction={
        canRecord
          ? (student, prescription) => (
              <RecordDoseAction student={student} prescription={prescription} onRecorded={refreshProfile} />
            )
          : undefined
      }
      incidentAction={
        canRecord
          ? (student) => (
              <RecordIncidentAction
                studentId={student.id}
                studentName={studentName(student)}
                onRecorded={refreshProfile}
              />
            )
          : undefined
      }
    />
  );
}
