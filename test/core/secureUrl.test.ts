import { describe, expect, it } from 'vitest';
import { isLoopbackHost, secureUrlProblem } from '../../src/core/secureUrl';

describe('secureUrlProblem', () => {
  it.each([
    ['https://app.acme.com/x', null],
    ['http://localhost:3000/x', null],
    ['http://127.0.0.9/x', null],
    ['http://[::1]:8080/x', null],
    ['http://app.acme.com/x', 'insecure'],
    ['http://localhost.evil.com/x', 'insecure'],
    ['javascript:alert(1)', 'insecure'],
    ['ftp://app.acme.com/x', 'insecure'],
    ['https://user@app.acme.com/x', 'credentials'],
    ['https://:pw@app.acme.com/x', 'credentials'],
    ['http://user:pw@localhost/x', 'credentials'],
  ] as const)('%s → %s', (url, problem) => {
    expect(secureUrlProblem(new URL(url))).toBe(problem);
  });

  it('knows loopback hosts by name and the whole 127/8 range, nothing else', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['localhost.', '128.0.0.1', '127.0.0.1.nip.io', '0.0.0.0'].some(isLoopbackHost)).toBe(false);
  });
});
