import { useVerifyAuditChain } from '../api/verifyAuditChain';
import { chainVerificationText } from './auditLabels';

/** "Verify chain": recomputes every entry's hash and says, in words, whether the log is intact. */
export function ChainCheck() {
  const verify = useVerifyAuditChain();
  const result = verify.data;

  return (
    <section className="stack" aria-labelledby="chain-heading">
      <h2 id="chain-heading">Tamper check</h2>
      <p className="muted">
        Every entry carries a hash of itself and of the entry before it. Checking recomputes them all, so an
        entry changed or deleted behind the application’s back shows up.
      </p>
      <div className="row">
        <button
          type="button"
          className="button"
          // Not disabled while checking, so keyboard focus stays on the button.
          onClick={() => {
            if (!verify.isPending) verify.mutate();
          }}
          aria-disabled={verify.isPending || undefined}
        >
          Verify chain
        </button>
      </div>
      <div aria-live="polite">
        {verify.isPending && <p className="muted">Checking every entry…</p>}
        {result && !verify.isPending && (
          <p className={`alert ${result.valid ? 'alert-success' : 'alert-error'}`}>
            {chainVerificationText(result)}
          </p>
        )}
      </div>
      {verify.isError && (
        <p className="alert alert-error" role="alert">
          The chain could not be checked: {verify.error.message}
        </p>
      )}
    </section>
  );
}
