// The seed article (content/000_22f2e7ab458317d0.txt, unpublished) built alone with
// INCLUDE_DRAFTS=1: its page shows every field of the file, marked as a draft.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp, withPage } from '../harness.mjs';

const ID = '000_22f2e7ab458317d0';
const TITLE =
  'Myanmar Military Using Chinese Facial Recognition Tech To Track, Remove Opponents: Report';
const IMAGE =
  'https://img.republicworld.com/republic-prod/stories/promolarge/xhdpi/vbilgueyjr62uwy0_1659506305.jpeg';
const RELATED_TITLE =
  "Myanmar's junta using Chinese facial recognition technology to track, eliminate opponents";

const app = useApp('BROADSHEET_SEED_DIST');

test('the seed draft shows title, provider, topics, scores, badge, related story and image', async () => {
  await withPage(app.browser, async (page, offsite) => {
    await page.goto(`${app.server.url}#/article/${ID}`);
    const article = page.locator('[data-testid="article-page"]');
    await article.waitFor();
    assert.equal((await article.locator('h1').textContent()).trim(), TITLE);

    const byline = article.locator('.byline');
    assert.equal(await byline.locator('[data-testid="provider-name"]').innerText(), 'RepublicWorld');
    assert.equal(
      await byline.locator('[data-testid="provider-domain"]').innerText(),
      'republicworld.com',
    );

    const topics = await article.locator(':scope > ul.topics li').allInnerTexts();
    assert.deepEqual(topics.map((t) => t.trim()).sort(), ['AI', 'Computer Vision']);

    const scores = article.locator(':scope > dl.scores');
    assert.equal(await scores.locator('[data-testid="heat"]').innerText(), '60');
    assert.equal(await scores.locator('[data-testid="quality"]').innerText(), '50');

    const badge = article.locator('[data-testid="draft-badge"]');
    await assert.doesNotReject(badge.waitFor(), 'the unpublished seed carries the Draft badge');
    assert.match(await badge.innerText(), /draft/i);

    const related = article.locator('section[data-testid="related"] li');
    assert.equal(await related.count(), 1, 'the seed has one related story');
    const relatedLink = related.locator('a.related-title');
    assert.equal((await relatedLink.innerText()).trim(), RELATED_TITLE);
    assert.equal(
      await relatedLink.getAttribute('href'),
      'https://news.webindia123.com/news/Articles/World/20220803/3969348.html',
    );
    assert.equal(
      await related.locator('[data-testid="provider-name"]').innerText(),
      'Webindia 123',
    );

    // The image is lazily loaded: bring it into view, then wait until it has really loaded
    // (the harness answers off-site image requests with a stub PNG).
    const img = article.locator(`img[src="${IMAGE}"]`);
    await img.scrollIntoViewIfNeeded();
    assert.equal(await img.getAttribute('width'), '768');
    assert.equal(await img.getAttribute('height'), '438');
    await page.waitForFunction(
      (src) => [...document.images].some((i) => i.src === src && i.complete && i.naturalWidth > 0),
      IMAGE,
    );
    assert.ok(offsite.images.includes(IMAGE), 'the browser asked for the article image');
  });
});
