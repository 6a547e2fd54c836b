// The 'react18' project really runs on React 18, with one React instance for us and the libraries.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

function Answer() {
  // A hook from @tanstack/react-query under Testing Library's render: a second React would throw here.
  const { data } = useQuery({ queryKey: ['answer'], queryFn: () => 42 });
  return <p>answer: {data ?? 'loading'}</p>;
}

describe('the react18 project', () => {
  it('runs React 18 and react-dom 18', () => {
    expect(version).toMatch(/^18\./);
    expect(domVersion).toMatch(/^18\./);
  });

  it('gives Testing Library and TanStack Query the same React', async () => {
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <Answer />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('answer: 42')).toBeInTheDocument();
  });
});
