// The seeded monkey (see monkey.mjs) on the sample and on the sharded 100,000-article build:
// first every action list in monkey-corpus.json (lists that once failed), then a fresh plan
// from the seed. A failure prints the seed and the shortest list of actions found that still
// fails, ready to add to the corpus.
//
//   MONKEY_SEED=7 MONKEY_ACTIONS_SAMPLE=200 MONKEY_ACTIONS_SCALE=0 node --test monkey.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { distFromEnv, launchBrowser, openPage, serveDir } from './harness.mjs';
import { freshLoads, plan, run, shrink } from './monkey.mjs';

const SEED = Number(process.env.MONKEY_SEED ?? 1);
const BUILDS = [
  { name: 'sample', env: 'BROADSHEET_DIST', actions: Number(process.env.MONKEY_ACTIONS_SAMPLE ?? 700) },
  { name: 'scale', env: 'BROADSHEET_SCALE_DIST', actions: Number(process.env.MONKEY_ACTIONS_SCALE ?? 300) },
];
const CORPUS = JSON.parse(readFileSync(new URL('./monkey-corpus.json', import.meta.url), 'utf8'));

let browser;
const servers = new Map();
const freshes = new Map();
before(async () => {
  browser = await launchBrowser();
  for (const build of BUILDS) {
    servers.set(build.name, await serveDir(distFromEnv(build.env)));
    freshes.set(build.name, freshLoads(browser));
  }
});
after(async () => {
  for (const fresh of freshes.values()) await fresh.close();
  for (const server of servers.values()) await server.close();
  await browser?.close();
});

/** Runs `actions` on a fresh page of `server`; returns the error it failed with, or null. */
async function attempt(server, fresh, actions, log) {
  const { context, page, problems } = await openPage(browser);
  try {
    await run(page, `${server.url}#/`, actions, problems, { fresh, log });
    return null;
  } catch (err) {
    if (problems.length > 0) err.message += `\nThe page reported:\n  ${problems.join('\n  ')}`;
    return err;
  } finally {
    await context.close();
  }
}

for (const build of BUILDS) {
  test(`the monkey's corpus replays cleanly on the ${build.name} build`, async () => {
    const [server, fresh] = [servers.get(build.name), freshes.get(build.name)];
    const lists = CORPUS.filter((entry) => entry.build === build.name);
    assert.ok(lists.length > 0, `the corpus has lists for the ${build.name} build`);
    for (const entry of lists) {
      const err = await attempt(server, fresh, entry.actions);
      assert.equal(err, null, `corpus list "${entry.name}" fails again: ${err?.message}`);
    }
  });

  test(`the monkey: ${build.actions} random actions on the ${build.name} build, seed ${SEED}`, async () => {
    assert.ok(build.actions > 0 || process.env[`MONKEY_ACTIONS_${build.name.toUpperCase()}`] === '0');
    if (build.actions === 0) return;
    const [server, fresh] = [servers.get(build.name), freshes.get(build.name)];
    const actions = plan(SEED + (build.name === 'scale' ? 1000 : 0), build.actions);
    const started = Date.now();
    let steps = 0;
    const err = await attempt(server, fresh, actions, () => (steps += 1));
    console.log(`# monkey ${build.name} seed ${SEED}: ${steps} actions in ${Date.now() - started} ms`);
    if (!err) return;
    const failing = actions.slice(0, steps + 1);
    const shortest = await shrink(failing, async (list) => (await attempt(server, fresh, list)) !== null);
    const replay = await attempt(server, fresh, shortest, (line) => console.log(`#   ${line}`));
    const entry = { name: `seed ${SEED} on ${build.name}`, build: build.name, actions: shortest };
    assert.fail(
      `the monkey failed on the ${build.name} build with seed ${SEED} after ${steps + 1} actions:\n` +
        `${err.message}\n\nShrunk to ${shortest.length} actions, which fail with:\n` +
        `${replay?.message ?? '(the shrunk list passed when replayed: the failure is flaky)'}\n\n` +
        `Add to e2e/monkey-corpus.json:\n${JSON.stringify(entry)}`,
    );
  });
}
