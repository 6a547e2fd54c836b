import type { ReactNode } from 'react';
import '@saiku/billing-react/styles.css';
import { Providers } from './providers';

export const metadata = { title: 'Acme · Billing' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
