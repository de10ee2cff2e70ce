import { ActionPanel } from '@/components/ActionPanel';
import { RaiseAlertForm } from './RaiseAlertForm';

/** The "Raise an alert" button and its panel (NURSE and ADMIN; the route decides). */
export function RaiseAlertAction() {
  return (
    <ActionPanel
      label="Raise an alert"
      renderForm={({ close, succeed }) => (
        <RaiseAlertForm
          onCancel={close}
          onSuccess={() => succeed('Alert sent to everyone in your organization.')}
        />
      )}
    />
  );
}
