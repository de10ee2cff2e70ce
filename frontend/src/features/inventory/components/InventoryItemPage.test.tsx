import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { inventoryItem, stockTransaction } from '../testing/inventoryFixture';
import type { InventoryItem, StockChangeInput, StockTransaction } from '../types';
import { InventoryItemPage } from './InventoryItemPage';

type Handlers = Parameters<typeof stubFetch>[0];

/** A tiny server: a transaction moves the count and joins the ledger. */
function stubItem(handlers: Handlers = {}) {
  let item = inventoryItem();
  const ledger: StockTransaction[] = [stockTransaction()];
  const fetchMock = stubFetch({
    'GET /api/v1/inventory/i1': () => ({ body: item }),
    'GET /api/v1/inventory/i1/transactions': () => ({
      body: { data: [...ledger].reverse(), page: 1, pageSize: 25, total: ledger.length },
    }),
    'GET /api/v1/inventory/i1/reconcile': () => ({
      body: {
        quantity: item.quantity,
        sumOfTransactions: ledger.reduce((sum, t) => sum + t.quantityChange, 0),
        consistent: true,
      },
    }),
    'POST /api/v1/inventory/i1/transactions': (_url, init) => {
      const change = JSON.parse(String(init.body)) as StockChangeInput;
      const signed =
        change.type === 'DISPENSE' || change.type === 'WASTE' ? -change.quantity : change.quantity;
      const row = stockTransaction({
        id: `t${ledger.length + 1}`,
        type: change.type,
        quantityChange: signed,
        reason: change.reason ?? null,
        lotNumber: change.lotNumber ?? null,
        expiresOn: change.expiresOn ?? null,
        createdAt: '2026-03-02T09:00:00Z',
      });
      ledger.push(row);
      item = { ...item, quantity: item.quantity + signed } satisfies InventoryItem;
      return { status: 201, body: { transaction: row, item } };
    },
    ...handlers,
  });
  return fetchMock;
}

const posted = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'POST')
    .map(([, init]) => JSON.parse(String(init?.body)) as unknown);

describe('InventoryItemPage', () => {
  it('shows the count, lot and expiry, and the ledger newest first', async () => {
    stubItem();
    renderWithQueryClient(<InventoryItemPage itemId="i1" canManage />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Epinephrine auto-injector' }),
    ).toBeInTheDocument();
    expect(screen.getByText('12 pens')).toBeInTheDocument();
    expect(screen.getByText('LOT-7')).toBeInTheDocument();
    const ledger = await screen.findByRole('table', { name: /^Stock movements of Epinephrine/ });
    const [, opening] = within(ledger).getAllByRole('row');
    expect(opening).toHaveTextContent('Received');
    expect(opening).toHaveTextContent('+12');
    expect(opening).toHaveTextContent('Opening stock');
    expect(screen.getByRole('link', { name: 'All inventory' })).toHaveAttribute('href', '/inventory');
  });

  it('receives a delivery with its lot and expiry, then shows the new count and ledger row', async () => {
    const fetchMock = stubItem();
    renderWithQueryClient(<InventoryItemPage itemId="i1" canManage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Receive' }));
    const dialog = screen.getByRole('dialog', { name: 'Receive stock: Epinephrine auto-injector' });
    const quantity = within(dialog).getByLabelText('Quantity received (pens)');
    expect(quantity).toHaveFocus();
    await userEvent.type(quantity, '6');
    expect(within(dialog).getByText(/after this: 18 pens/)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Lot number (optional)'), 'LOT-8');
    fireEvent.change(within(dialog).getByLabelText('Expires on (optional)'), {
      target: { value: '2027-06-30' },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record delivery' }));

    expect(await screen.findByText('Delivery recorded.')).toBeInTheDocument();
    expect(posted(fetchMock)).toEqual([
      { type: 'RECEIVE', quantity: 6, lotNumber: 'LOT-8', expiresOn: '2027-06-30' },
    ]);
    expect(await screen.findByText('18 pens')).toBeInTheDocument();
    expect(await screen.findByText('+6')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Receive' })).toHaveFocus();
  });

  it('will not dispense more than is counted, and shows the server refusing it', async () => {
    const fetchMock = stubItem({
      'POST /api/v1/inventory/i1/transactions': () =>
        boom(422, 'Unprocessable Entity', 'Insufficient stock: the quantity cannot go below zero'),
    });
    renderWithQueryClient(<InventoryItemPage itemId="i1" canManage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Dispense' }));
    await userEvent.type(screen.getByLabelText('Quantity dispensed (pens)'), '13');
    await userEvent.click(screen.getByRole('button', { name: 'Record dispensing' }));
    expect(screen.getByText('Only 12 pens in stock.')).toBeInTheDocument();
    expect(posted(fetchMock)).toEqual([]);

    await userEvent.clear(screen.getByLabelText('Quantity dispensed (pens)'));
    await userEvent.type(screen.getByLabelText('Quantity dispensed (pens)'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Record dispensing' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Insufficient stock: the quantity cannot go below zero',
    );
    expect(posted(fetchMock)).toEqual([{ type: 'DISPENSE', quantity: 2 }]);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('adjusts the count down, asking why first', async () => {
    const fetchMock = stubItem();
    renderWithQueryClient(<InventoryItemPage itemId="i1" canManage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Adjust count' }));
    await userEvent.type(screen.getByLabelText('Change (a minus sign removes) (pens)'), '-2');
    await userEvent.click(screen.getByRole('button', { name: 'Record adjustment' }));
    expect(screen.getByText('Say why, for the stock record.')).toBeInTheDocument();
    expect(screen.getByLabelText('Reason')).toHaveFocus();

    await userEvent.type(screen.getByLabelText('Reason'), 'Shelf count on Monday');
    await userEvent.click(screen.getByRole('button', { name: 'Record adjustment' }));

    expect(await screen.findByText('Adjustment recorded.')).toBeInTheDocument();
    expect(posted(fetchMock)).toEqual([{ type: 'ADJUST', quantity: -2, reason: 'Shelf count on Monday' }]);
  });

  it('checks the count against the ledger and says the answer in words', async () => {
    stubItem();
    renderWithQueryClient(<InventoryItemPage itemId="i1" canManage={false} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Check the count against the ledger' }));

    expect(await screen.findByText('The count matches the ledger: 12 pens.')).toBeInTheDocument();
  });

  it('says loudly when the count and the ledger disagree', async () => {
    stubItem({
      'GET /api/v1/inventory/i1/reconcile': () => ({
        body: { quantity: 12, sumOfTransactions: 10, consistent: false },
      }),
    });
    renderWithQueryClient(<InventoryItemPage itemId="i1" canManage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Check the count against the ledger' }));

    const answer = await screen.findByText(/^The count does not match the ledger/);
    expect(answer).toHaveTextContent('the stock movements add up to 10 pens');
    expect(answer).toHaveClass('alert-error');
  });

  it('shows a viewer the item and ledger without stock actions', async () => {
    stubItem();
    renderWithQueryClient(<InventoryItemPage itemId="i1" canManage={false} />);

    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Receive' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Record a stock movement' })).toBeNull();
  });

  it("shows the server's message for an item it does not know", async () => {
    stubFetch({ 'GET /api/v1/inventory/i1': () => boom(404, 'Not Found', 'Inventory item not found') });
    renderWithQueryClient(<InventoryItemPage itemId="i1" canManage />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Inventory item not found');
  });
});
