import { test } from 'node:test';
import assert from 'node:assert/strict';

import { extractHtmlArticle } from '../src/ingest/html.js';

// All documents below are hand-written for these tests; the countries, towns
// and people in them are invented.

interface PageOptions {
  head?: string;
  article: string;
  /** Extra boilerplate around the article (defaults to none). */
  before?: string;
  after?: string;
}

function page({ head = '', article, before = '', after = '' }: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Test page</title>
  ${head}
</head>
<body>
  ${before}
  <article>
    ${article}
  </article>
  ${after}
</body>
</html>`;
}

const P1 =
  'The foreign ministers of Norland and Sudavia agreed on Tuesday to reopen the Alder Bridge crossing, ' +
  'which has been closed to civilian traffic for almost two years.';
const P2 =
  'Speaking after three hours of talks in a lakeside hotel, both ministers said customs officers would ' +
  'return to the bridge within a month and that lorries would be allowed to cross at night.';
const H2 = 'Fishing rights left for later';
const P3 =
  'The two delegations did not settle the separate quarrel over fishing quotas in the shared lake, ' +
  'which will be taken up by a technical committee that meets in the autumn.';

/** Filler paragraphs so that date/meta tests have a real article body. */
const BODY = `<p>${P1}</p>\n<p>${P2}</p>`;

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ministers agree to reopen river border crossing | The Lakeside Courier</title>
  <meta property="og:site_name" content="The Lakeside Courier">
  <meta property="og:title" content="Ministers agree to reopen river border crossing">
</head>
<body>
  <header class="masthead"><a href="/">Lakeside Courier home</a> <span>Subscribe today for unlimited access</span></header>
  <nav>
    <ul>
      <li><a href="/world">World</a></li>
      <li><a href="/weather">Weather forecasts</a></li>
      <li><a href="/crosswords">Crosswords and puzzles</a></li>
    </ul>
  </nav>
  <div class="layout">
    <main>
      <article>
        <h1>Ministers agree to reopen river border crossing</h1>
        <p>${P1}</p>
        <p>${P2}</p>
        <h2>${H2}</h2>
        <p>${P3}</p>
      </article>
    </main>
    <aside class="sidebar">
      <h3>Most read</h3>
      <ol>
        <li><a href="/a">Heatwave warning issued for valley towns</a></li>
        <li><a href="/b">Local choir wins regional singing prize</a></li>
      </ol>
    </aside>
  </div>
  <footer>
    <p>Copyright Lakeside Media Group. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a>
  </footer>
</body>
</html>`;

test('news page: paragraphs kept block by block, boilerplate dropped', () => {
  for (const url of [undefined, 'https://courier.example/world/alder-bridge']) {
    const got = extractHtmlArticle(NEWS_PAGE, url);
    assert.ok(got, `article expected (url=${url})`);
    assert.equal(got.text, [P1, P2, H2, P3].join('\n\n'));
    assert.equal(got.blocks, 4);
    assert.equal(got.publisher, 'The Lakeside Courier');
    assert.ok(got.title?.startsWith('Ministers agree to reopen river border crossing'), String(got.title));
    assert.equal(got.published, null);
    for (const boilerplate of [
      'Subscribe',
      'Lakeside Courier home',
      'Weather',
      'Crosswords',
      'Most read',
      'Heatwave',
      'choir',
      'Copyright',
      'Privacy',
    ]) {
      assert.ok(!got.text.includes(boilerplate), `boilerplate leaked: ${boilerplate}`);
    }
  }
});

test('title is returned separately, never prepended to the text', () => {
  const html = page({
    head: '<meta property="og:title" content="Envoys meet at the lake">',
    article: BODY,
  });
  const got = extractHtmlArticle(html);
  assert.ok(got);
  assert.equal(got.text, `${P1}\n\n${P2}`);
  assert.equal(got.blocks, 2);
  assert.ok(got.title !== null && !got.text.startsWith(got.title), `title prepended: ${got.title}`);
});

test('publisher: og:site_name, then application-name, else null', () => {
  const cases: Array<[head: string, expected: string | null]> = [
    ['<meta property="og:site_name" content="Harbour Post">', 'Harbour Post'],
    ['<meta name="application-name" content="Valley Wire">', 'Valley Wire'],
    [
      '<meta name="application-name" content="Valley Wire"><meta property="og:site_name" content="Harbour Post">',
      'Harbour Post',
    ],
    ['<meta property="og:site_name" content="   ">', null],
    ['', null],
  ];
  for (const [head, expected] of cases) {
    const got = extractHtmlArticle(page({ head, article: BODY }));
    assert.ok(got, head);
    assert.equal(got.publisher, expected, head);
  }
});

test('published date: metadata variants and their priority', () => {
  const ld = (json: string): string => `<script type="application/ld+json">${json}</script>`;
  const cases: Array<{ name: string; head?: string; article?: string; after?: string; expected: string | null }> = [
    {
      name: 'article:published_time with a negative offset keeps its own calendar date',
      head: '<meta property="article:published_time" content="2024-03-05T22:30:00-05:00">',
      expected: '2024-03-05',
    },
    {
      name: 'article:published_time with a positive offset',
      head: '<meta property="article:published_time" content="2023-01-01T00:15:00+09:00">',
      expected: '2023-01-01',
    },
    {
      name: 'og:published_time',
      head: '<meta property="og:published_time" content="2022-12-31T23:59:59Z">',
      expected: '2022-12-31',
    },
    {
      name: 'JSON-LD datePublished inside @graph',
      head: ld(
        '{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Harbour Post"},' +
          '{"@type":"NewsArticle","headline":"Envoys meet","datePublished":"2021-06-14T08:00:00+02:00"}]}',
      ),
      expected: '2021-06-14',
    },
    {
      name: 'malformed JSON-LD block is skipped, the next one is used',
      head: ld('{"@type": "NewsArticle", "datePublished": ') + ld('[{"@type":"NewsArticle","datePublished":"2020-02-29"}]'),
      expected: '2020-02-29',
    },
    {
      name: '<time datetime> inside the article',
      article: `<p class="dateline"><time datetime="2019-11-08T17:45:00+01:00">8 November</time></p>${BODY}`,
      expected: '2019-11-08',
    },
    {
      name: '<meta name="date">',
      head: '<meta name="date" content="2018/04/09">',
      expected: '2018-04-09',
    },
    {
      name: '<meta name="pubdate"> compact form',
      head: '<meta name="pubdate" content="20170302">',
      expected: '2017-03-02',
    },
    {
      name: '<meta itemprop="datePublished">',
      head: '<meta itemprop="datePublished" content="2016-10-21">',
      expected: '2016-10-21',
    },
    {
      name: 'article:published_time beats JSON-LD and <time>',
      head:
        '<meta property="article:published_time" content="2024-07-01T10:00:00Z">' +
        ld('{"@type":"NewsArticle","datePublished":"2015-01-01"}'),
      article: `<time datetime="2014-01-01">then</time>${BODY}`,
      expected: '2024-07-01',
    },
    {
      name: 'JSON-LD beats <meta name="date">',
      head: '<meta name="date" content="2013-05-05">' + ld('{"@type":"NewsArticle","datePublished":"2012-08-08"}'),
      expected: '2012-08-08',
    },
    {
      name: 'unparseable first value falls through to the next source',
      head:
        '<meta property="article:published_time" content="sometime last week">' +
        ld('{"datePublished":"2011-09-10T12:00:00Z"}'),
      expected: '2011-09-10',
    },
    {
      name: 'unparseable value alone gives null',
      head: '<meta property="article:published_time" content="not a date">',
      expected: null,
    },
    {
      name: 'impossible calendar date gives null',
      head: '<meta property="article:published_time" content="2023-02-30T10:00:00Z">',
      expected: null,
    },
    {
      name: '<time> in a sidebar teaser is not the article date',
      article: BODY,
      after:
        '<aside><article class="teaser"><a href="/old">Older story</a> <time datetime="2010-01-01">2010</time></article></aside>',
      expected: null,
    },
    {
      name: 'no date anywhere',
      expected: null,
    },
  ];
  for (const c of cases) {
    const got = extractHtmlArticle(page({ head: c.head ?? '', article: c.article ?? BODY, after: c.after ?? '' }));
    assert.ok(got, c.name);
    assert.equal(got.published, c.expected, c.name);
  }
});

test('entities are decoded and curly quotes/dashes are kept exactly', () => {
  const cases: Array<[html: string, expected: string]> = [
    [
      '&ldquo;We are close to a deal,&rdquo; the envoy said &mdash; but the ministry&rsquo;s spokesman &amp; his deputy were more cautious.',
      '\u201cWe are close to a deal,\u201d the envoy said \u2014 but the ministry\u2019s spokesman & his deputy were more cautious.',
    ],
    [
      '\u201cNo comment,\u201d replied the ambassador\u2019s office, citing the \u2018sensitive\u2019 stage of talks over the 10&nbsp;km buffer zone.',
      '\u201cNo comment,\u201d replied the ambassador\u2019s office, citing the \u2018sensitive\u2019 stage of talks over the 10\u00a0km buffer zone.',
    ],
    [
      'Aid worth &#8364;40 million &#x2013; about &lt;5% of the budget &gt; was pledged by the caf&eacute; owners&#39; association.',
      "Aid worth \u20ac40 million \u2013 about <5% of the budget > was pledged by the caf\u00e9 owners' association.",
    ],
  ];
  for (const [raw, expected] of cases) {
    const got = extractHtmlArticle(page({ article: `<p>${raw}</p>${BODY}` }));
    assert.ok(got, raw);
    const first = got.text.split('\n\n')[0];
    assert.equal(first, expected);
  }
});

test('script, style, noscript and template contents never reach the text', () => {
  const article = `
    <p>${P1}</p>
    <script>var secretToken = "SCRIPT-LEAK-1"; document.write("SCRIPT-LEAK-2");</script>
    <style>.x::after { content: "STYLE-LEAK"; }</style>
    <noscript>NOSCRIPT-LEAK please enable JavaScript</noscript>
    <template><p>TEMPLATE-LEAK paragraph text that is long enough to count</p></template>
    <p>${P2} <script>inlineCall("INLINE-SCRIPT-LEAK")</script>Talks continue.</p>`;
  const got = extractHtmlArticle(page({ article }));
  assert.ok(got);
  assert.equal(got.text, `${P1}\n\n${P2} Talks continue.`);
  assert.doesNotMatch(got.text, /LEAK|secretToken|inlineCall|enable JavaScript/);
});

test('pages without an article return null', () => {
  const cases: Array<[name: string, html: string]> = [
    [
      'only navigation links',
      `<!DOCTYPE html><html><head><title>Harbour Post</title></head><body>
        <nav><ul>
          <li><a href="/world">World news and analysis</a></li>
          <li><a href="/politics">Politics and government</a></li>
          <li><a href="/business">Business and markets today</a></li>
          <li><a href="/culture">Culture, books and the arts</a></li>
        </ul></nav></body></html>`,
    ],
    [
      'bare list of links outside any nav',
      `<!DOCTYPE html><html><head><title>Index</title></head><body><ul>
          <li><a href="/1">Envoys meet at the lake for a second round</a></li>
          <li><a href="/2">Border bridge to reopen next month, ministers say</a></li>
          <li><a href="/3">Fishing quota row goes to committee</a></li>
        </ul></body></html>`,
    ],
    ['empty body', '<!DOCTYPE html><html><head><title>Nothing here</title></head><body></body></html>'],
    ['whitespace and nbsp only', '<html><head></head><body><p>&nbsp;</p>\n\t<div>   </div><p></p></body></html>'],
    [
      'only header, footer and a form',
      `<html><head><title>Login</title></head><body>
        <header>The Harbour Post, independent news since the great flood of the old century</header>
        <form><label>Email address for the weekly newsletter and offers</label><input name="e"></form>
        <footer>Copyright Harbour Post Publishing Limited and its many subsidiaries</footer>
      </body></html>`,
    ],
    ['too short', page({ article: '<p>Talks resumed.</p>' })],
  ];
  for (const [name, html] of cases) {
    assert.equal(extractHtmlArticle(html), null, name);
  }
});

/** Deterministic pseudo-random bytes, as a latin1 string. */
function junk(length: number, seed: number): string {
  let s = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(s % 256);
  }
  return out;
}

test('garbage input returns null without throwing', () => {
  const cases: Array<[name: string, input: string]> = [
    ['empty string', ''],
    ['angle brackets', '<<<>>>'],
    ['only whitespace', ' \n\t '],
    ['binary junk', junk(4096, 42)],
    ['binary junk decoded as UTF-8', Buffer.from(junk(4096, 7), 'latin1').toString('utf8')],
    ['NUL bytes', '\u0000'.repeat(500)],
    ['unterminated tags', '<html<head<body<p<'.repeat(2000)],
    ['unbalanced closers', '</p></div></body></html>'.repeat(100)],
    ['deeply nested empty divs', '<div>'.repeat(5000) + '</div>'.repeat(5000)],
  ];
  for (const [name, input] of cases) {
    let got: unknown = 'not called';
    assert.doesNotThrow(() => {
      got = extractHtmlArticle(input);
    }, name);
    assert.equal(got, null, name);
  }
});

test('whitespace inside a block collapses to single spaces', () => {
  const cases: Array<[name: string, article: string, expectedBlocks: string[]]> = [
    [
      'source line breaks, tabs and runs of spaces',
      `<p>
          The   summit
          communiqu&eacute;\twas\t\tsigned
             late on Friday
          after     a long night of drafting in the old customs house by the river.
       </p>`,
      [
        'The summit communiqu\u00e9 was signed late on Friday after a long night of drafting in the old customs house by the river.',
      ],
    ],
    [
      'inline markup joins without inventing spaces',
      '<p>The <em>joint</em> state<b>ment</b> was read out by <a href="/people/x">both spokes&shy;women</a>, one after the other, at noon.</p>',
      ['The joint statement was read out by both spokes\u00adwomen, one after the other, at noon.'],
    ],
    [
      'a single <br> is a space, a double <br> starts a new block',
      '<p>Delegations from five coastal states<br>arrived by ferry on Monday morning.<br><br>Talks began in the afternoon after a short ceremony.</p>',
      [
        'Delegations from five coastal states arrived by ferry on Monday morning.',
        'Talks began in the afternoon after a short ceremony.',
      ],
    ],
    [
      'list items and quotes are separate blocks',
      '<ul><li>Reopen the   bridge.</li><li>Share the\nferry timetable.</li></ul><blockquote>We have turned a page, said the minister after the signing ceremony.</blockquote>',
      [
        'Reopen the bridge.',
        'Share the ferry timetable.',
        'We have turned a page, said the minister after the signing ceremony.',
      ],
    ],
  ];
  for (const [name, article, expectedBlocks] of cases) {
    const got = extractHtmlArticle(page({ article: `${article}\n<p>${P1}</p>\n<p>${P2}</p>` }));
    assert.ok(got, name);
    const blocks = got.text.split('\n\n');
    assert.deepEqual(blocks, [...expectedBlocks, P1, P2], name);
    assert.equal(got.blocks, blocks.length, name);
    assert.doesNotMatch(got.text, /[ \t]{2,}|\t|(?<!\n)\n(?!\n)/, name);
  }
});

test('documents with omitted <html>/<head>/<body> tags still extract', () => {
  const cases: Array<[name: string, html: string]> = [
    [
      'bare fragment with head-only elements first',
      `<title>Envoys meet</title><meta property="og:site_name" content="Valley Wire"><p>${P1}</p><p>${P2}</p>`,
    ],
    [
      'html without body',
      `<!doctype html><html lang=en><meta charset=utf-8><title>Envoys meet</title><meta property="og:site_name" content="Valley Wire"><p>${P1}</p><p>${P2}</p></html>`,
    ],
    [
      'stray script between head and body',
      `<html><head><title>Envoys meet</title><meta property="og:site_name" content="Valley Wire"></head><script>var stray = "STRAY";</script><body><p>${P1}</p><p>${P2}</p></body></html>`,
    ],
  ];
  for (const [name, html] of cases) {
    const got = extractHtmlArticle(html);
    assert.ok(got, name);
    assert.equal(got.text, `${P1}\n\n${P2}`, name);
    assert.equal(got.publisher, 'Valley Wire', name);
    assert.equal(got.title, 'Envoys meet', name);
  }
});

test('a div with direct text forms its own block', () => {
  const article = `<div>Lakeside, 4 June &mdash; a short dateline paragraph written straight into a div.<p>${P1}</p>and a trailing sentence left loose inside the same div after the paragraph.</div><p>${P2}</p>`;
  const got = extractHtmlArticle(page({ article }));
  assert.ok(got);
  assert.deepEqual(got.text.split('\n\n'), [
    'Lakeside, 4 June \u2014 a short dateline paragraph written straight into a div.',
    P1,
    'and a trailing sentence left loose inside the same div after the paragraph.',
    P2,
  ]);
});

test('fallback path (Readability skipped for a very deep page) drops chrome and scripts', () => {
  // 150 nested wrappers exceed the depth limit, so the <article>/<main>/<body>
  // fallback builds the text.
  const deep = (inner: string): string => '<div>'.repeat(150) + inner + '</div>'.repeat(150);
  const cases: Array<[name: string, html: string, expected: string]> = [
    [
      'article inside deep wrappers, chrome outside',
      page({
        before: '<nav><a href="/">NAVLINK home</a></nav><header>HEADERTEXT masthead</header>',
        article: deep(`<p>${P1}</p><script>var x = "SCRIPTTEXT";</script><style>p{}</style><p>${P2}</p>`),
        after: '<aside>ASIDETEXT most read</aside><footer>FOOTERTEXT copyright</footer>',
      }),
      `${P1}

${P2}`,
    ],
    [
      'no <article>: body minus chrome',
      `<html><head><title>Deep</title></head><body><header>HEADERTEXT</header>${deep(
        `<p>${P1}</p><noscript>NOSCRIPTTEXT</noscript><form><input name="q"><label>FORMTEXT search</label></form><p>${P3}</p>`,
      )}<footer>FOOTERTEXT</footer></body></html>`,
      `${P1}

${P3}`,
    ],
  ];
  for (const [name, html, expected] of cases) {
    const got = extractHtmlArticle(html);
    assert.ok(got, name);
    assert.equal(got.text, expected, name);
    assert.doesNotMatch(got.text, /NAVLINK|HEADERTEXT|SCRIPTTEXT|ASIDETEXT|FOOTERTEXT|NOSCRIPTTEXT|FORMTEXT/, name);
  }
});

test('a ~200 KB page extracts quickly and keeps every paragraph', () => {
  const paragraphs: string[] = [];
  let html = page({
    before: '<nav>' + Array.from({ length: 60 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(' ') + '</nav>',
    article: '%%BODY%%',
    after: '<footer>Copyright notice for the synthetic page</footer>',
  });
  const parts: string[] = [];
  let size = html.length;
  for (let i = 0; size < 200_000; i++) {
    const p = `Paragraph ${i}: delegates from the river states discussed item ${i} of the agenda, covering ferry timetables, customs posts and the shared fishing grounds, before breaking for consultations.`;
    paragraphs.push(p);
    const chunk = `<p>${p}</p>\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  html = html.replace('%%BODY%%', parts.join(''));
  assert.ok(html.length >= 200_000);

  extractHtmlArticle(page({ article: BODY })); // warm up module-level JIT
  const start = performance.now();
  const got = extractHtmlArticle(html);
  const elapsed = performance.now() - start;
  assert.ok(got);
  assert.equal(got.blocks, paragraphs.length);
  assert.equal(got.text, paragraphs.join('\n\n'));
  // Generous bound for slow CI machines; typical is a few tens of ms.
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(1)} ms`);
});
