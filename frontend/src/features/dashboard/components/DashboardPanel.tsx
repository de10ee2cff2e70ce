import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';

interface DashboardPanelProps {
  title: string;
  /** Shown after the title once known: "Open emergency alerts (2)". */
  count?: number;
  /** The full page behind the panel, when there is one. */
  link?: { to: string; label: string };
  children: ReactNode;
}

/** One titled panel of the dashboard. */
export function DashboardPanel({ title, count, link, children }: DashboardPanelProps) {
  const headingId = useId();
  return (
    <section className="dashboard-panel stack" aria-labelledby={headingId}>
      <div className="row panel-heading">
        <h2 id={headingId}>
          {title}
          {count === undefined ? '' : ` (${count})`}
        </h2>
        {link && <Link to={link.to}>{link.label}</Link>}
      </div>
      {children}
    </section>
  );
}

interface QueryStatusProps {
  isPending: boolean;
  error: Error | null;
  loadingText: string;
}

/** A panel's loading and error states; the error is the server's own message. */
export function QueryStatus({ isPending, error, loadingText }: QueryStatusProps) {
  if (error) {
    return (
      <p className="alert alert-error" role="alert">
        {error.message}
      </p>
    );
  }
  if (isPending) {
    return (
      <p className="muted" role="status">
        {loadingText}
      </p>
    );
  }
  return null;
}
