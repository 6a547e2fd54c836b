// `npm run examples:pack`: packs the built package (run `npm run build` first) to
// examples/saiku-billing-react.tgz, the tarball every example's package.json installs
// ("@saiku/billing-react": "file:../saiku-billing-react.tgz"). e2e/examples.e2e.test.ts calls it too.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackage, root } from '../bench/packedFixture.mjs';

export const examplesTarball = join(root, 'examples/saiku-billing-react.tgz');

/** `npm pack` of the repo as it is (dist/ must be built) to examples/saiku-billing-react.tgz. */
export function packForExamples() {
  const packDir = mkdtempSync(join(tmpdir(), 'saiku-billing-pack-'));
  try {
    copyFileSync(packPackage(packDir), examplesTarball);
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
  return examplesTarball;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Packed to ${packForExamples()}`);
}
