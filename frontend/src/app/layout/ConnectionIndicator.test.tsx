import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeSockets } from '@/testing/socketClientMock';
import { socketClient } from '@/services/websocket/socketClient';
import { ConnectionIndicator } from './ConnectionIndicator';

describe('ConnectionIndicator', () => {
  it('says in words whether alerts arrive live', () => {
    render(<ConnectionIndicator />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Offline');

    act(() => socketClient.connect('token-1'));
    expect(status).toHaveTextContent('Connecting…');

    act(() => fakeSockets.latest().serverConnect());
    expect(status).toHaveTextContent('Live');

    act(() => fakeSockets.latest().serverDisconnect('transport close'));
    expect(status).toHaveTextContent('Reconnecting…');

    act(() => fakeSockets.latest().connectError('unauthorized'));
    expect(status).toHaveTextContent('Offline');

    act(() => socketClient.disconnect());
    expect(status).toHaveTextContent('Offline');
  });
});
