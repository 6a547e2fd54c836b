// Fails when a tracked source file (ts, tsx, mjs, js, css) has a line over 120 columns. Prettier wraps
// code but not comments, strings or test names: those are wrapped by hand. Columns are characters
// (code points), as an editor counts them; package-lock.json and other JSON are not checked.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const maxColumns = 120;
const checked = /\.(ts|tsx|mjs|js|css)$/;

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((file) => checked.test(file));

const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed by git but deleted in the working tree
  }
  text.split('\n').forEach((line, index) => {
    const columns = [...line.replace(/\r$/, '')].length;
    if (columns > maxColumns) long.push(`${file}:${index + 1}: ${columns} columns`);
  });
}

if (long.length > 0) {
  console.error(`Lines over ${maxColumns} columns (wrap them; concatenate strings, reflow comments):`);
  for (const entry of long) console.error(`  ${entry}`);
  process.exit(1);
}
console.log(`lint:lines: ${files.length} files, no line over ${maxColumns} columns.`);
