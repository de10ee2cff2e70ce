import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { RecordIncidentAction } from './RecordIncidentAction';

function setup(handler: Parameters<typeof stubFetch>[0][string]) {
  const fetchMock = stubFetch({ 'POST /api/v1/incidents': handler });
  const onRecorded = vi.fn();
  renderWithQueryClient(
    <RecordIncidentAction studentId="s1" studentName="Ava Martinez" onRecorded={onRecorded} />,
  );
  return { fetchMock, onRecorded };
}

async function openForm() {
  await userEvent.click(screen.getByRole('button', { name: 'Record incident' }));
  return screen.getByRole('dialog', { name: 'Record an incident for Ava Martinez' });
}

async function fillRequired() {
  await userEvent.selectOptions(screen.getByLabelText('Type'), 'INJURY');
  await userEvent.selectOptions(screen.getByLabelText('Severity'), 'MEDIUM');
  await userEvent.type(screen.getByLabelText('Location'), 'Playground');
  await userEvent.type(screen.getByLabelText('What happened'), 'Fell from the climbing frame');
}

describe('RecordIncidentAction', () => {
  it('names every missing field and sends nothing', async () => {
    const { fetchMock } = setup(() => ({ status: 201, body: {} }));
    await openForm();
    expect(screen.getByLabelText('Type')).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Save incident' }));

    expect(screen.getByText('Choose the type of incident.')).toBeInTheDocument();
    expect(screen.getByText('Choose the severity.')).toBeInTheDocument();
    expect(screen.getByText('Enter where it happened.')).toBeInTheDocument();
    expect(screen.getByText('Describe what happened.')).toBeInTheDocument();
    expect(screen.getByLabelText('Type')).toHaveFocus();
    expect(screen.getByLabelText('Location')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks how the parent was notified once "Parent notified" is ticked', async () => {
    const { fetchMock } = setup(() => ({ status: 201, body: {} }));
    await openForm();
    await fillRequired();
    await userEvent.click(screen.getByLabelText('Parent notified'));

    await userEvent.click(screen.getByRole('button', { name: 'Save incident' }));

    expect(screen.getByText('Choose how the parent was notified.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('posts the report, refreshes the profile and confirms', async () => {
    const { fetchMock, onRecorded } = setup(() => ({ status: 201, body: { id: 'in1' } }));
    await openForm();
    await fillRequired();
    await userEvent.type(screen.getByLabelText('Actions taken'), 'Ice pack');
    await userEvent.type(screen.getByLabelText('Witnesses (one per line)'), 'Ms. Lee{Enter} {Enter}Mr. Ray');
    await userEvent.click(screen.getByLabelText('Parent notified'));
    await userEvent.selectOptions(screen.getByLabelText('How'), 'PHONE');
    await userEvent.type(screen.getByLabelText('Notified by (optional)'), 'Nurse Garcia');
    await userEvent.click(screen.getByLabelText('Follow-up required'));

    await userEvent.click(screen.getByRole('button', { name: 'Save incident' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Incident recorded.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Record incident' })).toHaveFocus();
    expect(onRecorded).toHaveBeenCalledTimes(1);
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body)) as Record<string, unknown>;
    expect(body).toEqual({
      studentId: 's1',
      type: 'INJURY',
      severity: 'MEDIUM',
      location: 'Playground',
      occurredAt: expect.stringMatching(/Z$/),
      description: 'Fell from the climbing frame',
      actionsTaken: 'Ice pack',
      witnesses: ['Ms. Lee', 'Mr. Ray'],
      parentNotified: {
        notified: true,
        by: 'Nurse Garcia',
        at: expect.stringMatching(/Z$/),
        method: 'PHONE',
      },
      followUpRequired: true,
    });
  });

  it('sends "not notified" alone and no empty actions', async () => {
    const { fetchMock } = setup(() => ({ status: 201, body: { id: 'in1' } }));
    await openForm();
    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: 'Save incident' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body)) as Record<string, unknown>;
    expect(body).toMatchObject({
      actionsTaken: null,
      witnesses: [],
      parentNotified: { notified: false },
      followUpRequired: false,
    });
  });

  it("shows the server's message and keeps the form open", async () => {
    const { onRecorded } = setup(() =>
      boom(400, 'Bad Request', '"occurredAt" must be less than or equal to "now"'),
    );
    await openForm();
    await fillRequired();

    await userEvent.click(screen.getByRole('button', { name: 'Save incident' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '"occurredAt" must be less than or equal to "now"',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByLabelText('Location')).toHaveValue('Playground');
    expect(onRecorded).not.toHaveBeenCalled();
  });
});
