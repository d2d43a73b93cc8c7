// The seed article (content/000_22f2e7ab458317d0.txt, unpublished) built alone with
// INCLUDE_DRAFTS=1: its page shows every field of the file, marked as a draft.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distFromEnv, launchBrowser, serveDir, withPage } from '../harness.mjs';

const ID = '000_22f2e7ab458317d0';
const TITLE =
  'Myanmar Military Using Chinese Facial Recognition Tech To Track, Remove Opponents: Report';
const IMAGE =
  'https://img.republicworld.com/republic-prod/stories/promolarge/xhdpi/vbilgueyjr62uwy0_1659506305.jpeg';
const RELATED_TITLE =
  "Myanmar's junta using Chinese facial recognition technology to track, eliminate opponents";

let server;
let browser;
before(async () => {
  server = await serveDir(distFromEnv('BROADSHEET_SEED_DIST'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the seed draft shows title, provider, topics, scores, badge, related story and image', async () => {
  await withPage(browser, async (page, offsite) => {
    await page.goto(`${server.url}#/article/${ID}`);
    const article = page.locator('[data-testid="article-page"]');
    await article.waitFor();
    assert.equal((await article.locator('h1').textContent()).trim(), TITLE);

    const text = (await article.innerText()).replace(/\s+/g, ' ');
    for (const expected of ['RepublicWorld', 'republicworld.com', 'Computer Vision', 'AI']) {
      assert.ok(text.includes(expected), `the page should mention ${JSON.stringify(expected)}`);
    }
    assert.match(text, /\b60\b/, 'heat 60 is shown');
    assert.match(text, /\b50\b/, 'quality 50 is shown');

    await assert.doesNotReject(
      article.locator('[data-testid="draft-badge"]').waitFor(),
      'the unpublished seed carries the Draft badge',
    );
    assert.match(await article.locator('[data-testid="draft-badge"]').innerText(), /draft/i);

    const related = article.locator('section[data-testid="related"] li');
    assert.equal(await related.count(), 1, 'the seed has one related story');
    const relatedText = (await related.innerText()).replace(/\s+/g, ' ');
    assert.ok(relatedText.includes(RELATED_TITLE), `related story title, got: ${relatedText}`);
    assert.ok(relatedText.includes('Webindia 123'), `related story provider, got: ${relatedText}`);

    const img = article.locator(`img[src="${IMAGE}"]`);
    await img.waitFor();
    await page.waitForFunction(
      (src) => [...document.images].some((i) => i.src === src && i.complete && i.naturalWidth > 0),
      IMAGE,
    );
    assert.ok(offsite.images.includes(IMAGE), 'the browser asked for the article image');
  });
});
