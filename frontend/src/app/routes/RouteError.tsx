// Shown when a page throws while rendering. The error itself stays off the screen: it could
// hold health data or internals (React Router logs it to the console in development).
export function RouteError() {
  return (
    <main className="page-status stack" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Reloading usually helps.</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </p>
    </main>
  );
}
