import type { ReactNode } from 'react';
import { Pagination } from './Pagination';

/** What a paged list route answers. */
export interface PagedResult<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** The parts of a TanStack query a paged list reads. */
interface PagedQuery<T> {
  data: PagedResult<T> | undefined;
  isError: boolean;
  error: Error | null;
  isPending: boolean;
  isPlaceholderData: boolean;
}

interface PagedResultsProps<T> {
  query: PagedQuery<T>;
  /** What is listed, plural: "students". */
  noun: string;
  /** Defaults to "Loading {noun}…". */
  loadingText?: string;
  onPageChange: (page: number) => void;
  /** The rows as a table; `busy` while the previous page stands in for the next. */
  children: (rows: T[], busy: boolean) => ReactNode;
}

/**
 * A filtered, paged list's states, the same on every screen: the server's message on an
 * error, loading, nothing matching, or the rows with their pages.
 */
export function PagedResults<T>({ query, noun, loadingText, onPageChange, children }: PagedResultsProps<T>) {
  const result = query.data;
  return (
    <>
      {query.isError && (
        <p className="alert alert-error" role="alert">
          {query.error?.message}
        </p>
      )}
      {query.isPending && (
        <p className="muted" role="status">
          {loadingText ?? `Loading ${noun}…`}
        </p>
      )}
      {result && result.data.length === 0 && (
        <p className="muted" role="status">
          No {noun} match these filters.
        </p>
      )}
      {result && result.data.length > 0 && (
        <>
          {children(result.data, query.isPlaceholderData)}
          <Pagination
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            noun={noun}
            onPageChange={onPageChange}
            disabled={query.isPlaceholderData}
          />
        </>
      )}
    </>
  );
}
