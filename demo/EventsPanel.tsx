// Only in simulator mode: the provider's onEvent, shown as it happens, so a person can watch each
// lifecycle event fire once. App passes `recordBillingEvent` as the provider's `onEvent`.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BillingEvent } from '../src';
import './EventsPanel.css';

interface Logged {
  id: number;
  at: string;
  event: BillingEvent;
}

// Kept outside React, so events that fire before the panel knows the mode (a marker on load) still show,
// and in this tab's sessionStorage, so the trip to Stripe and back reads as one story.
const storageKey = 'demo:billing-events';
let logged: readonly Logged[] = readLog();
const listeners = new Set<() => void>();

function readLog(): readonly Logged[] {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? '[]') as Logged[];
  } catch {
    return [];
  }
}

/** The demo's `onEvent`: keeps this tab's last 30 events for the panel. */
export function recordBillingEvent(event: BillingEvent): void {
  const id = (logged.at(-1)?.id ?? 0) + 1;
  logged = [...logged, { id, at: new Date().toLocaleTimeString(), event }].slice(-30);
  sessionStorage.setItem(storageKey, JSON.stringify(logged));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What a host's analytics would record beside the event's name. */
function detail(event: BillingEvent): string {
  switch (event.type) {
    case 'checkout_started':
      return `tier ${event.tier}`;
    case 'checkout_completed':
      return `${event.state.tier}, ${event.state.subscriptionStatus}`;
    case 'portal_returned':
      return `changed: ${String(event.changed)} (${event.state.tier}, ${event.state.subscriptionStatus || 'free'})`;
    case 'state_changed':
      return `${event.previous.tier} → ${event.state.tier}, ${event.state.subscriptionStatus || 'free'}`;
    default:
      return '';
  }
}

export function EventsPanel() {
  const events = useSyncExternalStore(subscribe, () => logged);
  const [simulated, setSimulated] = useState(false);
  useEffect(() => {
    fetch('/__demo/simulator')
      .then((response) => response.json() as Promise<{ mode: string }>)
      .then((info) => setSimulated(info.mode === 'simulator'))
      .catch(() => setSimulated(false));
  }, []);
  if (!simulated) return null;

  return (
    <aside className="demo-events" aria-labelledby="events-heading">
      <h2 id="events-heading">Billing events</h2>
      {events.length === 0 ? <p>None yet. Upgrade, cancel, or open the portal to see them.</p> : null}
      <ol aria-live="polite">
        {events.map(({ id, at, event }) => (
          <li key={id} data-event-type={event.type}>
            <time>{at}</time> <code>{event.type}</code> {detail(event)}
          </li>
        ))}
      </ol>
    </aside>
  );
}
