// The Portal in a new tab: the tab opens inside the click (popup blockers allow nothing later) and is
// pointed at the session URL once it is minted; closed again, with the error shown, when that fails.
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ManageButton, usePortal, type BillingEvent } from '../../src';
import { activeState, portalSessionBody } from './fixtures';
import { deferred, json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

/** What `window.open('', '_blank')` hands back: a blank tab we can point elsewhere or close. */
function stubNewTab() {
  const tab = { opener: window as unknown, location: { href: 'about:blank' }, close: vi.fn() };
  const open = vi.spyOn(window, 'open').mockImplementation(() => tab as unknown as Window);
  return { tab, open };
}

describe('target="_blank"', () => {
  it('opens the tab during the click, before the session exists, then points it at the Portal', async () => {
    api.answer('state', activeState());
    const { tab, open } = stubNewTab();
    const held = deferred(json(portalSessionBody));
    api.answer('portal-session', held.answer);
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    const { user, navigate } = renderWithBilling(<ManageButton target="_blank" />, { onEvent });

    await user.click(screen.getByRole('button', { name: 'Manage billing' }));
    expect(open).toHaveBeenCalledExactlyOnceWith('', '_blank');
    await vi.waitFor(() => expect(api.count('portal-session')).toBe(1));
    expect(tab.location.href).toBe('about:blank');

    held.release();
    await vi.waitFor(() => expect(tab.location.href).toBe(portalSessionBody.url));
    // The new tab cannot reach back into this page; this page stays where it is.
    expect(tab.opener).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    expect(tab.close).not.toHaveBeenCalled();
    expect(onEvent).toHaveBeenCalledExactlyOnceWith({ type: 'portal_opened' });
  });

  it('closes the tab and shows the error when minting fails', async () => {
    api.answer('state', activeState());
    const { tab } = stubNewTab();
    api.answer('portal-session', json({ error: 'upstream', message: 'Saiku is down.' }, { status: 502 }));
    const { user } = renderWithBilling(<ManageButton target="_blank" />);
    const button = screen.getByRole('button', { name: 'Manage billing' });
    await user.click(button);

    await vi.waitFor(() => expect(tab.close).toHaveBeenCalledOnce());
    expect(button).toHaveAttribute('data-state', 'error');
    expect(tab.location.href).toBe('about:blank');
  });

  it('closes the tab when the session URL is refused', async () => {
    api.answer('state', activeState());
    const { tab } = stubNewTab();
    api.answer('portal-session', json({ url: 'https://evil.example/p/session/x' }));
    const { user } = renderWithBilling(<ManageButton target="_blank" />);
    await user.click(screen.getByRole('button', { name: 'Manage billing' }));

    await vi.waitFor(() => expect(tab.close).toHaveBeenCalledOnce());
    expect(tab.location.href).toBe('about:blank');
    expect(screen.getByRole('button', { name: 'Manage billing' })).toHaveAttribute('data-state', 'error');
  });

  it('a blocked popup falls back to this tab', async () => {
    api.answer('state', activeState());
    vi.spyOn(window, 'open').mockImplementation(() => null);
    const { user, navigate } = renderWithBilling(<ManageButton target="_blank" />);
    await user.click(screen.getByRole('button', { name: 'Manage billing' }));
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledExactlyOnceWith(portalSessionBody.url));
  });

  it('usePortal().open({ target: "_blank" }) does the same for a custom button', async () => {
    api.answer('state', activeState());
    const { tab, open } = stubNewTab();
    function Invoices() {
      const portal = usePortal();
      return (
        <button type="button" onClick={() => void portal.open({ target: '_blank' })}>
          Invoices
        </button>
      );
    }
    const { user, navigate } = renderWithBilling(<Invoices />);
    await user.click(screen.getByRole('button', { name: 'Invoices' }));
    expect(open).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(tab.location.href).toBe(portalSessionBody.url));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('without JavaScript the form posts into a new tab', () => {
    api.answer('state', activeState());
    renderWithBilling(<ManageButton target="_blank" />);
    expect(screen.getByRole('button', { name: 'Manage billing' })).toHaveAttribute('formtarget', '_blank');
  });
});
