import { useMemo } from 'react';
import { Pagination } from '@/components/Pagination';
import { isApiError } from '@/services/api/ApiError';
import { useAuditLog } from '../api/getAuditLog';
import { useUsers } from '../api/getUsers';
import { useAuditFilters } from '../hooks/useAuditFilters';
import type { AdminUser } from '../types';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ChainCheck } from './ChainCheck';

/** District admins: who read or changed what, when, filtered and paged; and the tamper check. */
export function AuditLogPage() {
  const filters = useAuditFilters();
  const log = useAuditLog(filters.query);
  const forbidden = isApiError(log.error) && log.error.status === 403;
  // Names for the user column and the user filter (the log itself holds ids only).
  const users = useUsers({ enabled: !forbidden });
  const usersById = useMemo(
    () => new Map<string, AdminUser>((users.data ?? []).map((user) => [user.id, user])),
    [users.data],
  );
  const page = log.data;

  return (
    <section className="stack" aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit log</h1>
      {forbidden ? (
        <p className="alert alert-error" role="alert">
          The audit log is for district admins only.
        </p>
      ) : (
        <>
          <ChainCheck />
          <section className="stack" aria-labelledby="entries-heading">
            <h2 id="entries-heading">Entries</h2>
            <p className="muted">
              Every read and change of a student’s health record, every sign-in and every admin action, newest
              first. Reading this page is recorded too.
            </p>
            <AuditFilters
              values={filters.draft}
              errors={filters.errors}
              onChange={filters.setValue}
              onApply={filters.apply}
              onClear={filters.clear}
              users={users.data}
              usersError={users.isError ? `Users could not be listed: ${users.error.message}` : null}
            />
            {log.isError && (
              <p className="alert alert-error" role="alert">
                {log.error.message}
              </p>
            )}
            {log.isPending && (
              <p className="muted" role="status">
                Loading the audit log…
              </p>
            )}
            {page && page.data.length === 0 && (
              <p className="muted" role="status">
                {filters.filtered ? 'No entries match these filters.' : 'The audit log is empty.'}
              </p>
            )}
            {page && page.data.length > 0 && (
              <>
                <AuditTable records={page.data} usersById={usersById} busy={log.isPlaceholderData} />
                <Pagination
                  page={page.page}
                  pageSize={page.pageSize}
                  total={page.total}
                  noun="entries"
                  onPageChange={filters.setPage}
                  disabled={log.isPlaceholderData}
                />
              </>
            )}
          </section>
        </>
      )}
    </section>
  );
}
