import { useMe } from '@/features/auth/api/getMe';
import { UsersPage } from '@/features/admin/components/UsersPage';

/** The Users page, told who is signed in: an admin does not demote or deactivate themselves. */
export function UsersRoute() {
  const me = useMe();
  return <UsersPage currentUserId={me.data?.id} />;
}
