// Debian's Chromium for every real-browser run (Storybook's vitest project and e2e/): no browser
// download is possible here, so `.ci/run` installs it with apt and these flags keep it off the network.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
