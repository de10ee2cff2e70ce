import { useId, type ReactNode } from 'react';

interface ProfileSectionProps {
  title: string;
  /** Shown when the section has nothing to list (or the server did not send it). */
  emptyText: string | null;
  children?: ReactNode;
}

/** One titled block of the profile, with its own empty state. */
export function ProfileSection({ title, emptyText, children }: ProfileSectionProps) {
  const headingId = useId();
  return (
    <section className="profile-section stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {/* Actions (e.g. "Record incident") come first, the empty state after them. */}
      {children}
      {emptyText !== null && <p className="muted">{emptyText}</p>}
    </section>
  );
}

/** The empty-state text for a section that is missing, or present but empty; null otherwise. */
export function emptyState(
  items: readonly unknown[] | undefined,
  texts: { missing: string; empty: string },
): string | null {
  if (items === undefined) return texts.missing;
  return items.length === 0 ? texts.empty : null;
}
