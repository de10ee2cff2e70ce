import { useId } from 'react';
import { StudentPicker } from '@/components/StudentPicker';
import { useDownloadReportNow } from '../api/downloadReportNow';
import { toReportRequest, useQueueReport } from '../api/queueReport';
import type { SessionReport } from '../hooks/sessionReports';
import { useReportForm } from '../hooks/useReportForm';
import { REPORT_TYPES, type ReportSelection, type ReportType } from '../types';
import { DateRangeFields } from './DateRangeFields';
import { reportDescriptions, reportLabels } from './reportLabels';

interface ReportRequestFormProps {
  onQueued: (report: SessionReport) => void;
}

/** Choose a report and its filters, then download it now or queue it and be notified. */
export function ReportRequestForm({ onQueued }: ReportRequestFormProps) {
  const id = useId();
  const form = useReportForm();
  const download = useDownloadReportNow();
  const queue = useQueueReport();
  const { selection, errors } = form;
  const studentRequired = selection.reportType === 'student-health-summary';
  const busy = download.isPending || queue.isPending;

  // A message about the previous choice would be wrong about the new one.
  const change = <K extends keyof ReportSelection>(key: K, value: ReportSelection[K]) => {
    download.reset();
    queue.reset();
    form.setValue(key, value);
  };

  const downloadNow = () => {
    queue.reset();
    const checked = form.check();
    if (checked) download.mutate(checked);
  };

  const queueReport = () => {
    download.reset();
    const checked = form.check();
    if (!checked) return;
    queue.mutate(toReportRequest(checked), {
      onSuccess: ({ id: reportId }) =>
        onQueued({ id: reportId, reportType: checked.reportType, requestedAt: new Date().toISOString() }),
    });
  };

  let progressMessage = '';
  if (download.isPending) progressMessage = 'Preparing the PDF…';
  else if (download.isSuccess) progressMessage = 'The PDF is in your downloads.';
  else if (queue.isPending) progressMessage = 'Queuing the report…';
  else if (queue.isSuccess)
    progressMessage = 'Report queued. You will get a notification when it is ready; it is listed below.';

  return (
    <form
      className="panel stack"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        downloadNow();
      }}
    >
      <h2 id={`${id}-title`}>New report</h2>
      <div className="field">
        <label htmlFor={`${id}-type`}>Report</label>
        <select
          id={`${id}-type`}
          value={selection.reportType}
          aria-describedby={`${id}-type-description`}
          onChange={(event) => change('reportType', event.target.value as ReportType)}
        >
          {REPORT_TYPES.map((type) => (
            <option key={type} value={type}>
              {reportLabels[type]}
            </option>
          ))}
        </select>
        <p id={`${id}-type-description`} className="muted">
          {reportDescriptions[selection.reportType]}
        </p>
      </div>
      {selection.reportType === 'medication-log' && (
        <DateRangeFields
          idPrefix={id}
          from={selection.from}
          to={selection.to}
          onFromChange={(value) => change('from', value)}
          onToChange={(value) => change('to', value)}
          errors={errors}
        />
      )}
      {selection.reportType !== 'immunization-compliance' && (
        <StudentPicker
          value={selection.student}
          onChange={(student) => change('student', student)}
          label={studentRequired ? 'Student' : 'Student (optional)'}
          emptyLabel={studentRequired ? 'Choose a student' : 'All students'}
          error={errors.student}
        />
      )}
      {download.isError && (
        <p className="alert alert-error" role="alert">
          The report could not be downloaded: {download.error.message}
        </p>
      )}
      {queue.isError && (
        <p className="alert alert-error" role="alert">
          The report could not be queued: {queue.error.message}
        </p>
      )}
      <div className="row">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          aria-busy={download.isPending}
        >
          Download now
        </button>
        <button
          type="button"
          className="button"
          onClick={queueReport}
          disabled={busy}
          aria-busy={queue.isPending}
        >
          Queue and notify me
        </button>
      </div>
      <p className="muted" role="status">
        {progressMessage}
      </p>
    </form>
  );
}
