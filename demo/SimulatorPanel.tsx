// Only in simulator mode: drive the simulated Saiku (clock, failed payments, scenarios) to see every state.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { billingKeys } from '../src';

interface SimulatorInfo {
  mode: 'simulator' | 'saiku';
  now?: string;
  scenarios?: string[];
}

type SimulatorAction =
  | { action: 'advance'; ms: number }
  | { action: 'failNextPayment' }
  | { action: 'scenario'; scenario: string };

const DAY = 86_400_000;

export function SimulatorPanel() {
  const queryClient = useQueryClient();
  const [info, setInfo] = useState<SimulatorInfo | null>(null);
  const [message, setMessage] = useState('');
  const [scenario, setScenario] = useState('free');

  useEffect(() => {
    fetch('/__demo/simulator')
      .then((response) => response.json() as Promise<SimulatorInfo>)
      .then(setInfo)
      .catch(() => setInfo({ mode: 'saiku' }));
  }, []);

  if (!info || info.mode !== 'simulator') return null;

  async function send(body: SimulatorAction, done: string) {
    const response = await fetch('/__demo/simulator', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const next = (await response.json()) as SimulatorInfo & { error?: string };
    if (!response.ok) {
      setMessage(next.error ?? 'The simulator refused that.');
      return;
    }
    setInfo(next);
    setMessage(done);
    await queryClient.invalidateQueries({ queryKey: billingKeys.all });
  }

  const now = info.now ? new Date(info.now) : null;
  return (
    <aside className="demo-simulator" aria-labelledby="simulator-heading">
      <h2 id="simulator-heading">Billing simulator</h2>
      <span>Simulated date: {now ? now.toISOString().slice(0, 10) : '—'}</span>
      <button
        type="button"
        onClick={() => void send({ action: 'advance', ms: DAY }, 'Moved the clock 1 day.')}
      >
        +1 day
      </button>
      <button
        type="button"
        onClick={() => void send({ action: 'advance', ms: 15 * DAY }, 'Moved the clock 15 days.')}
      >
        +15 days
      </button>
      <button
        type="button"
        onClick={() => void send({ action: 'advance', ms: 31 * DAY }, 'Moved the clock 31 days.')}
      >
        +31 days
      </button>
      <button
        type="button"
        onClick={() => void send({ action: 'failNextPayment' }, 'The next payment will fail.')}
      >
        Fail next payment
      </button>
      <label>
        Scenario{' '}
        <select value={scenario} onChange={(event) => setScenario(event.target.value)}>
          {(info.scenarios ?? []).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => void send({ action: 'scenario', scenario }, `Switched to ${scenario}.`)}
      >
        Switch scenario
      </button>
      <span role="status" aria-live="polite">
        {message}
      </span>
    </aside>
  );
}
