import { useRef, useState } from 'react';
import { useUpdateUser } from '../api/updateUser';
import { USER_ROLES, type AdminUser, type UserRole } from '../types';
import { DeactivateUserControl } from './DeactivateUserControl';
import { lastSignInText, ROLE_LABELS, roleLabel } from './userLabels';

interface UserRowProps {
  user: AdminUser;
  isSelf: boolean;
}

/** One account: its role (changeable) and whether it may sign in (deactivate / reactivate). */
export function UserRow({ user, isSelf }: UserRowProps) {
  const update = useUpdateUser();
  // A role picked but not saved yet; null: the select shows what the server says.
  const [draftRole, setDraftRole] = useState<UserRole | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const roleRef = useRef<HTMLSelectElement>(null);
  const shownRole = draftRole ?? user.role;
  const changed = shownRole !== user.role;

  const saveRole = () => {
    setDone(null);
    update.mutate(
      { id: user.id, changes: { role: shownRole } },
      {
        onSuccess: (saved) => {
          setDraftRole(null);
          setDone(`${saved.name} is now ${roleLabel(saved.role)}.`);
          // The Save button goes away with the change: focus stays in the row.
          roleRef.current?.focus();
        },
      },
    );
  };

  const setActive = (isActive: boolean) => {
    setDone(null);
    update.mutate(
      { id: user.id, changes: { isActive } },
      {
        onSuccess: (saved) =>
          setDone(
            saved.isActive
              ? `${saved.name} can sign in again.`
              : `${saved.name} was deactivated and signed out.`,
          ),
      },
    );
  };

  return (
    <tr>
      <th scope="row">
        {user.name}
        {isSelf && <span className="muted"> (you)</span>}
      </th>
      <td>{user.email}</td>
      <td>
        {isSelf ? (
          roleLabel(user.role)
        ) : (
          <div className="row">
            <select
              ref={roleRef}
              aria-label={`Role of ${user.name}`}
              value={shownRole}
              onChange={(event) => setDraftRole(event.target.value as UserRole)}
            >
              {USER_ROLES.map((option) => (
                <option key={option} value={option}>
                  {ROLE_LABELS[option]}
                </option>
              ))}
            </select>
            {changed && (
              <button
                type="button"
                className="button"
                onClick={saveRole}
                disabled={update.isPending}
                aria-label={`Save role of ${user.name}`}
              >
                Save role
              </button>
            )}
          </div>
        )}
      </td>
      <td>{user.isActive ? 'Active' : <strong>Deactivated</strong>}</td>
      <td>{user.lastLoginAt ? <time dateTime={user.lastLoginAt}>{lastSignInText(user)}</time> : 'Never'}</td>
      <td>
        <div className="stack">
          {isSelf ? (
            <span className="muted">Another admin can change your role or deactivate you.</span>
          ) : (
            <DeactivateUserControl
              user={user}
              pending={update.isPending}
              onDeactivate={() => setActive(false)}
              onReactivate={() => setActive(true)}
            />
          )}
          {update.isError && (
            <p className="alert alert-error" role="alert">
              {user.name} was not changed: {update.error.message}
            </p>
          )}
          {done && (
            <p className="muted" role="status">
              {done}
            </p>
          )}
        </div>
      </td>
    </tr>
  );
}
