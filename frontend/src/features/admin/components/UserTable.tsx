import type { AdminUser } from '../types';
import { UserRow } from './UserRow';

interface UserTableProps {
  users: AdminUser[];
  /** The signed-in admin: their own row offers no role change and no deactivation. */
  currentUserId?: string;
  busy: boolean;
}

export function UserTable({ users, currentUserId, busy }: UserTableProps) {
  return (
    <div className="table-wrapper">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
