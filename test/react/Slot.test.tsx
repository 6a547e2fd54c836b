// Slot, through UpgradeButton's `asChild` (how a host meets it) and directly for its ref handling.
import { render, screen } from '@testing-library/react';
import { createRef, useState, version, type Ref } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { UpgradeButton } from '../../src';
import { Slot } from '../../src/react/Slot';
import { freeState } from './fixtures';
import { json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

const unsafeText =
  'This page refused to open the billing link because it does not point at a trusted billing site.';

/** A parent that re-renders its Slot on demand, with the same child ref each time. */
function Rerendering({
  childRef,
  slotRef,
}: {
  childRef: Ref<HTMLButtonElement>;
  slotRef?: Ref<HTMLElement>;
}) {
  const [count, setCount] = useState(0);
  return (
    <Slot ref={slotRef} data-count={count} onClick={() => setCount((n) => n + 1)}>
      <button ref={childRef} type="button">
        Render again
      </button>
    </Slot>
  );
}

describe('Slot', () => {
  it("gives the child's ref and ours the node, without React's warnings", () => {
    const error = vi.spyOn(console, 'error');
    const childRef = createRef<HTMLButtonElement>();
    const slotRef = createRef<HTMLElement>();
    render(<Rerendering childRef={childRef} slotRef={slotRef} />);

    const button = screen.getByRole('button', { name: 'Render again' });
    expect(childRef.current).toBe(button);
    expect(slotRef.current).toBe(button);
    // React 18 warns "`ref` is not a prop" when props.ref is read; React 19 warns on element.ref.
    expect(error).not.toHaveBeenCalled();
  });

  it("calls a host's callback ref once per node, not with null and the node on every render", async () => {
    const callbackRef = vi.fn<(node: HTMLButtonElement | null) => void>();
    const { unmount } = render(<Rerendering childRef={callbackRef} />);
    const button = screen.getByRole('button', { name: 'Render again' });
    expect(callbackRef.mock.calls).toEqual([[button]]);

    button.click();
    button.click();
    expect(await screen.findByRole('button', { name: 'Render again' })).toHaveAttribute('data-count', '2');
    expect(callbackRef.mock.calls).toEqual([[button]]);

    unmount();
    expect(callbackRef.mock.calls).toEqual([[button], [null]]);
  });

  it("runs a callback ref's cleanup (React 19) and clears the other refs then", () => {
    const cleanup = vi.fn();
    const attached: (HTMLElement | null)[] = [];
    const slotRef = createRef<HTMLElement>();
    const { unmount } = render(
      <Slot ref={slotRef}>
        <button
          type="button"
          ref={(node) => {
            attached.push(node);
            // React 18 warns about a ref that returns a function; only 19 has ref cleanups.
            return version.startsWith('18.') ? undefined : cleanup;
          }}
        >
          Go
        </button>
      </Slot>,
    );
    const button = screen.getByRole('button', { name: 'Go' });
    expect(slotRef.current).toBe(button);

    unmount();
    expect(slotRef.current).toBeNull();
    if (version.startsWith('18.')) {
      expect(attached).toEqual([button, null]);
    } else {
      // React 19 calls the cleanup instead of the ref with null.
      expect(cleanup).toHaveBeenCalledOnce();
      expect(attached).toEqual([button]);
    }
  });

  it("joins the host's aria-describedby with ours instead of replacing it", () => {
    render(
      <>
        <p id="hint">Billed monthly</p>
        <p id="ours">Our note</p>
        <Slot aria-describedby="ours">
          <button type="button" aria-describedby="hint">
            Pay
          </button>
        </Slot>
      </>,
    );
    const button = screen.getByRole('button', { name: 'Pay' });
    expect(button).toHaveAttribute('aria-describedby', 'hint ours');
    expect(button).toHaveAccessibleDescription('Billed monthly Our note');
  });

  it("keeps an asChild button's own description and links the error to it too", async () => {
    api.answer('state', freeState());
    api.answer('checkout-session', json({ url: 'https://evil.test/c/pay', sessionId: 'cs_test_x' }));
    const { user } = renderWithBilling(
      <>
        <p id="price-hint">14 days free, then monthly</p>
        <UpgradeButton asChild tier="team">
          <button type="button" aria-describedby="price-hint">
            Try Team
          </button>
        </UpgradeButton>
      </>,
    );
    const button = screen.getByRole('button', { name: 'Try Team' });
    expect(button).toHaveAccessibleDescription('14 days free, then monthly');

    await user.click(button);

    await screen.findByText(unsafeText);
    expect(button).toHaveAccessibleDescription(`14 days free, then monthly ${unsafeText}`);
  });
});
