import { useId, useState } from 'react';
import { FormField } from '@/components/FormField';
import { Pagination } from '@/components/Pagination';
import { SchoolSelect } from '@/components/SchoolSelect';
import { formatCalendarDate } from '@/lib/formatDate';
import { useSchools } from '@/services/api/getSchools';
import { RECORD_PAGE_SIZE, useAdministrationRecord } from '../api/getAdministrationRecord';
import { recordRows } from '../hooks/marRows';
import { useLiveDueDoses } from '../hooks/useLiveDueDoses';
import { ADMINISTRATION_STATUSES, type DoseStatus } from '../types';
import { DoseTable } from './DoseTable';
import { doseStatusText } from './DoseStatusBadge';
import '../medications.css';

const SUMMARY_ORDER: DoseStatus[] = ['OVERDUE', 'DUE', 'UPCOMING', 'GIVEN', 'REFUSED', 'MISSED', 'HELD'];

/** What the "Show" filter offers, and the statuses each asks the server for (none: all). */
const SHOW_OPTIONS = {
  all: { label: 'All doses', statuses: [] },
  outstanding: { label: 'To record (overdue or due now)', statuses: ['OVERDUE', 'DUE'] },
  recorded: { label: 'Recorded (given, refused, missed or held)', statuses: ADMINISTRATION_STATUSES },
  upcoming: { label: 'Not due yet', statuses: ['UPCOMING'] },
} as const satisfies Record<string, { label: string; statuses: readonly DoseStatus[] }>;
type Show = keyof typeof SHOW_OPTIONS;

/**
 * The medication administration record of a day (the organization's today unless another
 * day is chosen) across the organization or one school: every scheduled dose, given,
 * refused, missed or held, overdue, due now or not due yet, with who recorded it and when,
 * and "Record" on the overdue and due ones (filed under that scheduled dose). Viewers see
 * the record only.
 */
export function MedicationsPage({ canRecord }: { canRecord: boolean }) {
  const id = useId();
  const [schoolId, setSchoolId] = useState('');
  // '' is the organization's today (the server's answer says which day that is).
  const [date, setDate] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  useLiveDueDoses();
  const record = useAdministrationRecord({
    date,
    schoolId,
    status: SHOW_OPTIONS[show].statuses,
    page,
    pageSize: RECORD_PAGE_SIZE,
  });
  const schools = useSchools();

  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const body = record.data;
  const rows = body ? recordRows(body.data) : undefined;
  const schoolName = schools.data?.find((school) => school.id === schoolId)?.name;
  const day = body ? (date === '' ? 'Today' : formatCalendarDate(body.date)) : null;
  const title = `${day === 'Today' ? "Today's doses" : day ? `Doses of ${day}` : 'Doses'}${schoolName ? ` at ${schoolName}` : ''}`;
  const headingId = `${id}-doses`;

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Medications</h1>
      <p className="muted">
        The medication administration record of a day: every scheduled dose, recorded or still to record, with
        its status in words. It refreshes every minute; &quot;Record&quot; files a dose under the scheduled
        time of its row, and a student&apos;s name opens their profile with each prescription&apos;s history.
      </p>
      <div className="filters">
        <SchoolSelect
          id={`${id}-school`}
          schools={schools.data}
          value={schoolId}
          onChange={filter(setSchoolId)}
        />
        <FormField id={`${id}-date`} label="Day">
          {(control) => (
            <input
              {...control}
              type="date"
              value={date || body?.date || ''}
              onChange={(event) => filter(setDate)(event.target.value)}
            />
          )}
        </FormField>
        {date !== '' && (
          <button type="button" className="button" onClick={() => filter(setDate)('')}>
            Back to today
          </button>
        )}
        <FormField id={`${id}-show`} label="Show">
          {(control) => (
            <select
              {...control}
              value={show}
              onChange={(event) => filter(setShow)(event.target.value as Show)}
            >
              {Object.entries(SHOW_OPTIONS).map(([value, option]) => (
                <option key={value} value={value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {schools.isError && (
        <p className="alert alert-error" role="alert">
          Schools could not be loaded: {schools.error.message}
        </p>
      )}
      <section className="stack" aria-labelledby={headingId}>
        <h2 id={headingId}>
          {title}
          {body ? ` (${body.total})` : ''}
        </h2>
        {record.isError && (
          <p className="alert alert-error" role="alert">
            {record.error.message}
          </p>
        )}
        {record.isPending && (
          <p className="muted" role="status">
            Loading the doses…
          </p>
        )}
        {body && (
          <ul className="mar-summary" aria-label="Summary of the day">
            {SUMMARY_ORDER.map((status) => (
              <li key={status}>
                {doseStatusText(status)}: {body.counts[status]}
              </li>
            ))}
          </ul>
        )}
        {rows && body && (
          <>
            <DoseTable
              rows={rows}
              caption={title}
              canRecord={canRecord}
              showRecorded
              busy={record.isFetching}
              emptyText={
                show === 'all' ? 'No doses are scheduled on this day.' : 'No doses match this filter.'
              }
            />
            {body.total > body.pageSize && (
              <Pagination
                page={body.page}
                pageSize={body.pageSize}
                total={body.total}
                noun="doses"
                onPageChange={setPage}
                disabled={record.isFetching}
              />
            )}
          </>
        )}
      </section>
    </section>
  );
}
