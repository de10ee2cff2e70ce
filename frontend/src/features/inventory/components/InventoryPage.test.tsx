import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '@/services/session/sessionStore';
import { socketClient } from '@/services/websocket/socketClient';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderApp, renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import { inventoryItem } from '../testing/inventoryFixture';
import type { InventoryItem } from '../types';
import { InventoryPage } from './InventoryPage';

/** A lazily loaded route can take a while when the whole suite runs in parallel. */
const LAZY_ROUTE_TIMEOUT_MS = 5_000;

type Handlers = Parameters<typeof stubFetch>[0];

const page = (data: InventoryItem[], total = data.length) => ({
  body: { data, page: 1, pageSize: 25, total },
});
const schools = {
  body: { data: [{ id: 'sc1', organizationId: 'o1', name: 'Lincoln Elementary', code: null }] },
};

function stubInventory(list: Handlers[string], more: Handlers = {}) {
  return stubFetch({ 'GET /api/v1/inventory': list, 'GET /api/v1/schools': () => schools, ...more });
}

const listRequests = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls
    .map(([input, init]) => ({
      url: new URL(String(input), 'http://localhost'),
      method: init?.method ?? 'GET',
    }))
    .filter(({ url, method }) => method === 'GET' && url.pathname === '/api/v1/inventory')
    .map(({ url }) => url.searchParams);

describe('InventoryPage', () => {
  it('lists items with stock, reorder level, low stock and expiry in words', async () => {
    stubInventory(() =>
      page([
        inventoryItem(),
        inventoryItem({
          id: 'i2',
          name: 'Gauze pads',
          category: 'FIRST_AID',
          unit: 'boxes',
          quantity: 2,
          reorderLevel: 5,
          lowStock: true,
          expiresOn: '2026-03-20',
          expiringSoon: true,
          location: null,
        }),
        inventoryItem({ id: 'i3', name: 'Ice packs', quantity: 0, lowStock: true, expiresOn: null }),
      ]),
    );
    renderWithQueryClient(<InventoryPage canManage />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading inventory');
    const table = await screen.findByRole('table', { name: 'Inventory items' });
    const [, epi, gauze, ice] = within(table).getAllByRole('row');
    expect(within(epi!).getByRole('link', { name: 'Epinephrine auto-injector' })).toHaveAttribute(
      'href',
      '/inventory/i1',
    );
    expect(epi).toHaveTextContent('12 pens');
    expect(epi).toHaveTextContent('4 pens');
    expect(within(epi!).getByText('In stock')).toBeInTheDocument();
    expect(within(gauze!).getByText('Low stock')).toHaveClass('badge', 'stock-low');
    expect(within(gauze!).getByText('Expires soon')).toHaveClass('badge', 'stock-expiring');
    expect(gauze!.querySelector('time')).toHaveAttribute('datetime', '2026-03-20');
    expect(within(gauze!).getByText('First aid')).toBeInTheDocument();
    expect(within(ice!).getByText('Out of stock')).toBeInTheDocument();
    expect(within(ice!).getByText('No expiry')).toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    stubInventory(() => page([]));
    renderWithQueryClient(<InventoryPage canManage />);
    expect(await screen.findByText('No items match these filters.')).toBeInTheDocument();
  });

  it("shows the server's message for a 4xx", async () => {
    stubInventory(() => boom(400, 'Bad Request', '"search" length must be less than or equal to 100'));
    renderWithQueryClient(<InventoryPage canManage />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '"search" length must be less than or equal to 100',
    );
  });

  it('filters by low stock, expiring soon, school and a debounced search, back on page 1', async () => {
    const fetchMock = stubInventory(() => page([inventoryItem()], 60));
    renderWithQueryClient(<InventoryPage canManage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await vi.waitFor(() => expect(listRequests(fetchMock).at(-1)?.get('page')).toBe('2'));

    await userEvent.click(screen.getByLabelText('Low stock'));
    await userEvent.click(screen.getByLabelText('Expired or expiring within 30 days'));
    await userEvent.selectOptions(await screen.findByLabelText('School'), 'sc1');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search items' }), 'epi');

    await vi.waitFor(() => expect(listRequests(fetchMock).at(-1)?.get('search')).toBe('epi'));
    expect(listRequests(fetchMock).at(-1)?.toString()).toBe(
      'search=epi&schoolId=sc1&lowStock=true&expiringWithinDays=30&page=1&pageSize=25',
    );
    expect(listRequests(fetchMock).some((params) => params.get('search') === 'e')).toBe(false);
  });

  it('adds an item, posting what the server expects, and lists it', async () => {
    let items: InventoryItem[] = [];
    const fetchMock = stubInventory(() => page(items), {
      'POST /api/v1/inventory': (_url, init) => {
        const created = inventoryItem({
          ...(JSON.parse(String(init.body)) as Partial<InventoryItem>),
          id: 'i9',
        });
        items = [created];
        return { status: 201, body: created };
      },
    });
    renderWithQueryClient(<InventoryPage canManage />);
    await screen.findByText('No items match these filters.');

    await userEvent.click(screen.getByRole('button', { name: 'Add item' }));
    const dialog = screen.getByRole('dialog', { name: 'Add an inventory item' });
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add item' }));
    expect(within(dialog).getByText('Enter the item’s name.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose a category.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();

    await userEvent.type(within(dialog).getByLabelText('Name'), 'Gauze pads');
    await userEvent.selectOptions(within(dialog).getByLabelText('Category'), 'FIRST_AID');
    await userEvent.type(within(dialog).getByLabelText('Unit (e.g. boxes, doses)'), 'boxes');
    await userEvent.clear(within(dialog).getByLabelText('Reorder at or below'));
    await userEvent.type(within(dialog).getByLabelText('Reorder at or below'), '5');
    await userEvent.clear(within(dialog).getByLabelText('Opening stock'));
    await userEvent.type(within(dialog).getByLabelText('Opening stock'), '20');
    await userEvent.type(within(dialog).getByLabelText('Lot number (optional)'), 'G 1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add item' }));
    expect(
      within(dialog).getByText('Use letters, digits, dots, dashes and slashes only.'),
    ).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText('Lot number (optional)'));
    await userEvent.type(within(dialog).getByLabelText('Lot number (optional)'), 'G-1');
    await userEvent.selectOptions(await within(dialog).findByLabelText('School'), 'sc1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add item' }));

    expect(await screen.findByText('Gauze pads added.')).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      name: 'Gauze pads',
      category: 'FIRST_AID',
      unit: 'boxes',
      reorderLevel: 5,
      initialQuantity: 20,
      lotNumber: 'G-1',
      expiresOn: null,
      location: null,
      schoolId: 'sc1',
    });
    expect(await screen.findByRole('link', { name: 'Gauze pads' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add item' })).toHaveFocus();
  });

  it('refreshes the list when a low-stock notice arrives on the live connection', async () => {
    const fetchMock = stubInventory(() => page([inventoryItem()]));
    socketClient.connect('token-1');
    const socket = fakeSockets.latest();
    act(() => socket.serverConnect());
    renderWithQueryClient(<InventoryPage canManage />);
    await screen.findByRole('table');
    const before = listRequests(fetchMock).length;

    act(() =>
      socket.serverEmit('health:notification', {
        id: 'n1',
        type: 'INVENTORY_LOW_STOCK',
        title: 'Low stock: Epinephrine auto-injector',
        message: '…',
        createdAt: '2026-03-02T07:00:00Z',
      }),
    );

    await vi.waitFor(() => expect(listRequests(fetchMock).length).toBe(before + 1));
  });
});

describe('Inventory in the main navigation', () => {
  it('is there for a VIEWER, who cannot add items', async () => {
    stubInventory(() => page([inventoryItem()]), {
      'GET /api/v1/auth/me': () => ({
        body: { id: 'u1', email: 'v@example.org', name: 'Val Viewer', role: 'VIEWER', organizationId: 'o1' },
      }),
      'GET /api/v1/alerts': () => ({ body: { data: [] } }),
      'GET /api/v1/notifications': () => ({ body: { data: [], unread: 0, page: 1, pageSize: 20, total: 0 } }),
    });
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const { router } = renderApp('/alerts');

    await userEvent.click(await screen.findByRole('link', { name: 'Inventory' }));

    expect(router.state.location.pathname).toBe('/inventory');
    expect(
      await screen.findByRole(
        'link',
        { name: 'Epinephrine auto-injector' },
        { timeout: LAZY_ROUTE_TIMEOUT_MS },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add item' })).toBeNull();
  });
});
