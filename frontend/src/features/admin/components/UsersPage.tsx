import { ActionPanel } from '@/components/ActionPanel';
import { isApiError } from '@/services/api/ApiError';
import { useUsers } from '../api/getUsers';
import { CreateUserForm } from './CreateUserForm';
import { roleLabel } from './userLabels';
import { UserTable } from './UserTable';

interface UsersPageProps {
  /** The signed-in admin, who cannot demote or deactivate themselves from here. */
  currentUserId?: string;
}

/** District admins: who may sign in, and as what. */
export function UsersPage({ currentUserId }: UsersPageProps) {
  const users = useUsers();
  const forbidden = isApiError(users.error) && users.error.status === 403;

  return (
    <section className="stack" aria-labelledby="users-heading">
      <h1 id="users-heading">Users</h1>
      {forbidden ? (
        <p className="alert alert-error" role="alert">
          Managing users is for district admins only.
        </p>
      ) : (
        <section className="stack" aria-labelledby="accounts-heading">
          <h2 id="accounts-heading">Accounts</h2>
          <p className="muted">
            A new role or a deactivation takes effect at once: the person is signed out everywhere.
          </p>
          <ActionPanel
            label="Add user"
            renderForm={({ close, succeed }) => (
              <CreateUserForm
                onCancel={close}
                onCreated={(user) => succeed(`${user.name} was added as ${roleLabel(user.role)}.`)}
              />
            )}
          />
          {users.isError && (
            <p className="alert alert-error" role="alert">
              {users.error.message}
            </p>
          )}
          {users.isPending && (
            <p className="muted" role="status">
              Loading users…
            </p>
          )}
          {users.data && users.data.length === 0 && <p className="muted">No users yet.</p>}
          {users.data && users.data.length > 0 && (
            <UserTable users={users.data} currentUserId={currentUserId} busy={users.isFetching} />
          )}
        </section>
      )}
    </section>
  );
}
