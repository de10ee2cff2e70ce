import { useDownloadComplianceReport } from '../api/downloadComplianceReport';
import type { ComplianceQuery } from '../types';

/** The compliance PDF for the filters shown: counts, then every non-compliant student. */
export function ComplianceReportButton({ query }: { query: ComplianceQuery }) {
  const download = useDownloadComplianceReport();
  return (
    <div className="stack">
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={() => {
            if (!download.isPending) download.mutate(query);
          }}
          aria-disabled={download.isPending || undefined}
        >
          {download.isPending ? 'Preparing the PDF…' : 'Download compliance report (PDF)'}
        </button>
      </div>
      {download.isError && (
        <p className="alert alert-error" role="alert">
          The report could not be downloaded: {download.error.message}
        </p>
      )}
    </div>
  );
}
