/**
 * `npm run paths [-- --out FILE] [-- --all]`: the test paths generated from the chat statechart, as readable
 * text and as JSON, for teams that embed the chat and want to drive the same paths in their own end-to-end
 * suites. By default the fewest paths that take every transition; `--all` gives every shortest path.
 */
import { writeFileSync } from 'node:fs';
import { coveringPaths, generateChatPaths } from '../test/model/chat-paths';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : 'chat-paths.json';
const all = generateChatPaths();
const paths = args.includes('--all') ? all : coveringPaths(all);

paths.forEach((path, index) => {
  console.log(`${String(index + 1).padStart(3)}. ${path.description}`);
});
const json = paths.map((path) => ({
  description: path.description,
  steps: path.steps.map(({ event, state }) => ({ event, state })),
}));
writeFileSync(out!, `${JSON.stringify(json, null, 2)}\n`);
console.log(`\n${paths.length} paths, ${paths.reduce((sum, path) => sum + path.steps.length, 0)} steps → ${out}`);
