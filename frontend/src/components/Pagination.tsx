interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** What is being counted, plural: "students". */
  noun: string;
  onPageChange: (page: number) => void;
  disabled?: boolean;
}

export function Pagination({ page, pageSize, total, noun, onPageChange, disabled }: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);

  return (
    <nav className="pagination" aria-label="Pagination">
      <p aria-live="polite">
        {first}–{last} of {total} {noun} · page {page} of {pageCount}
      </p>
      <div className="pagination-buttons">
        <button
          type="button"
          className="button"
          onClick={() => onPageChange(page - 1)}
          disabled={disabled || page <= 1}
        >
          Previous
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onPageChange(page + 1)}
          disabled={disabled || page >= pageCount}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
