import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <section className="stack">
      <h1>Page not found</h1>
      <p>
        <Link to={paths.students}>Go to the student list</Link>
      </p>
    </section>
  );
}
