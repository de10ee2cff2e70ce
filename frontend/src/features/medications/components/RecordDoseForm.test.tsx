import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import type { DosePrescription } from '../types';
import { RecordDoseAction } from './RecordDoseAction';

const student = { id: 's1', firstName: 'Ava', lastName: 'Martinez' };
const prescription: DosePrescription = {
  id: 'p1',
  medication: { name: 'Ibuprofen', form: 'TABLET', strength: '200 mg', controlledSchedule: null },
  dose: '200 mg',
  route: 'ORAL',
  dosesOnHand: 10,
};
const ADMINISTRATIONS = 'POST /api/v1/students/s1/medications/p1/administrations';

function setup(handler: Parameters<typeof stubFetch>[0][string], rx: DosePrescription = prescription) {
  const fetchMock = stubFetch({ [ADMINISTRATIONS]: handler });
  const onRecorded = vi.fn();
  renderWithQueryClient(<RecordDoseAction student={student} prescription={rx} onRecorded={onRecorded} />);
  return { fetchMock, onRecorded };
}

async function openForm() {
  await userEvent.click(screen.getByRole('button', { name: /Record dose/ }));
  return screen.getByRole('dialog', { name: /Record dose: Ibuprofen 200 mg tablet/ });
}

const sentBody = (fetchMock: ReturnType<typeof stubFetch>) =>
  JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body)) as Record<string, unknown>;

describe('RecordDoseAction', () => {
  it('prefills the prescription and shows the five rights for review', async () => {
    setup(() => ({ status: 201, body: {} }));
    const dialog = await openForm();

    expect(screen.getByLabelText('Status')).toHaveFocus();
    expect(screen.getByLabelText('Dose')).toHaveValue('200 mg');
    expect(screen.getByLabelText('Route')).toHaveValue('ORAL');
    expect((screen.getByLabelText('Time') as HTMLInputElement).value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(dialog).toHaveTextContent('StudentAva Martinez');
    expect(dialog).toHaveTextContent('MedicationIbuprofen 200 mg tablet');
    expect(screen.getByRole('img', { name: /No photo on file/ })).toHaveTextContent('AM');
    // Only controlled substances ask for a witness.
    expect(screen.queryByLabelText(/Witness/)).toBeNull();
  });

  it('refuses to save until the five rights are confirmed', async () => {
    const { fetchMock } = setup(() => ({ status: 201, body: {} }));
    await openForm();

    await userEvent.click(screen.getByRole('button', { name: 'Save dose' }));

    expect(screen.getByText('Confirm the five rights before saving.')).toBeInTheDocument();
    expect(screen.getByLabelText(/I confirm the five rights/)).toHaveFocus();
    expect(screen.getByLabelText(/I confirm the five rights/)).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('requires a reason when the dose was not given', async () => {
    const { fetchMock } = setup(() => ({ status: 201, body: {} }));
    await openForm();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'REFUSED');
    await userEvent.click(screen.getByLabelText(/I confirm the five rights/));

    await userEvent.click(screen.getByRole('button', { name: 'Save dose' }));

    expect(screen.getByText('Give a reason when the dose was not given.')).toBeInTheDocument();
    expect(screen.getByLabelText('Reason')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Reason'), 'Student refused');
    await userEvent.click(screen.getByRole('button', { name: 'Save dose' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(sentBody(fetchMock)).toMatchObject({ status: 'REFUSED', reason: 'Student refused' });
  });

  it("shows the server's 422 in the form and keeps it open", async () => {
    const { onRecorded } = setup(() =>
      boom(422, 'Unprocessable Entity', 'Right dose: the dose does not match the prescribed dose'),
    );
    await openForm();
    await userEvent.clear(screen.getByLabelText('Dose'));
    await userEvent.type(screen.getByLabelText('Dose'), '400 mg');
    await userEvent.click(screen.getByLabelText(/I confirm the five rights/));

    await userEvent.click(screen.getByRole('button', { name: 'Save dose' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Right dose: the dose does not match the prescribed dose',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByLabelText('Dose')).toHaveValue('400 mg');
    expect(onRecorded).not.toHaveBeenCalled();
  });

  it('posts the dose, refreshes the profile and confirms', async () => {
    const { fetchMock, onRecorded } = setup(() => ({ status: 201, body: { id: 'ad1', status: 'GIVEN' } }));
    await openForm();
    await userEvent.type(screen.getByLabelText('Notes (optional)'), 'With water');
    await userEvent.click(screen.getByLabelText(/I confirm the five rights/));

    await userEvent.click(screen.getByRole('button', { name: 'Save dose' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Dose recorded: 200 mg given.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: /Record dose/ })).toHaveFocus();
    expect(onRecorded).toHaveBeenCalledTimes(1);
    const body = sentBody(fetchMock);
    expect(body).toEqual({
      status: 'GIVEN',
      dose: '200 mg',
      route: 'ORAL',
      administeredAt: expect.stringMatching(/Z$/),
      notes: 'With water',
    });
    expect(Math.abs(Date.parse(String(body.administeredAt)) - Date.now())).toBeLessThan(2 * 60_000);
  });

  it('asks for a witness for a controlled substance', async () => {
    const { fetchMock } = setup(() => ({ status: 201, body: {} }), {
      ...prescription,
      medication: { ...prescription.medication, controlledSchedule: 'II' },
    });
    await openForm();
    await userEvent.type(screen.getByLabelText(/Witness user ID/), '7d0f7a3e-5f7e-4f0b-9a52-0a4d2f1c9b11');
    await userEvent.click(screen.getByLabelText(/I confirm the five rights/));
    await userEvent.click(screen.getByRole('button', { name: 'Save dose' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(sentBody(fetchMock)).toMatchObject({ witnessUserId: '7d0f7a3e-5f7e-4f0b-9a52-0a4d2f1c9b11' });
  });

  it('closes on Escape and returns focus to the button', async () => {
    const { fetchMock } = setup(() => ({ status: 201, body: {} }));
    await openForm();

    await userEvent.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: /Record dose/ })).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
