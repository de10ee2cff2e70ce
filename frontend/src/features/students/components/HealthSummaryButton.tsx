import type { Student } from '../types';
import { useDownloadHealthSummary } from '../api/downloadHealthSummary';

/** Saves the student's health summary as a PDF (for a field trip, a substitute, a parent). */
export function HealthSummaryButton({ student }: { student: Pick<Student, 'id' | 'lastName'> }) {
  const download = useDownloadHealthSummary();

  return (
    <div className="stack">
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={() => download.mutate(student)}
          disabled={download.isPending}
          aria-busy={download.isPending}
        >
          Health summary (PDF)
        </button>
        {/* Always present, so the change of text is announced. */}
        <span className="muted" role="status">
          {download.isPending ? 'Preparing the PDF…' : ''}
        </span>
      </div>
      {download.isError && (
        <p className="alert alert-error" role="alert">
          The health summary could not be downloaded: {download.error.message}
        </p>
      )}
    </div>
  );
}
