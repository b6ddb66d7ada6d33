// The host page's side of the embedding tests: mounts the elements as a CMS page would (plain tags
// with attributes), loads the built modules, and keeps a record of what a venue would care about:
// uncaught errors, CSP violations, and any change the elements make to the document outside
// themselves. Plain JavaScript from the page's own origin: nothing inline, nothing evaluated.
const TAGS = [
  'av-calendar', 'av-series-list', 'av-event-list', 'ticket-scanner',
  'vista-member-login', 'vista-ticket-redemption', 'utick-stream-gate', 'utick-pack-list',
];
const record = { errors: [], violations: [], outside: [] };

addEventListener('error', (event) => record.errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => record.errors.push(String(event.reason?.stack ?? event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  record.violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`.trim()),
);

// Vendor markup that ran would most likely call these: record it instead of blocking the page.
for (const name of ['alert', 'confirm', 'prompt']) window[name] = (...args) => void record.errors.push(`${name}(${args.join(', ')}) ran`);

const isWidget = (node) => TAGS.includes(node?.localName);
let headBefore = [];
// Each page starts as a first visit (the stream gate remembers grants in localStorage).
localStorage.clear();

function describe(node) {
  return node.nodeType === Node.ELEMENT_NODE ? `<${node.localName}>` : node.nodeName;
}

const observer = new MutationObserver((mutations) => {
  for (const m of mutations) {
    // An element may change its own host (a reflected attribute); anything else is outside it.
    if (m.type === 'attributes' && isWidget(m.target)) continue;
    if (m.type === 'childList' && isWidget(m.target)) continue; // slotted content is the page's
    record.outside.push(`${m.type} on ${describe(m.target)}${m.attributeName ? ` [${m.attributeName}]` : ''}`);
  }
});

window.embed = {
  /** Puts the tags in the page, each `{ tag, attributes, slot? }`, before any module loads. */
  mount(specs) {
    headBefore = [...document.head.childNodes];
    const host = document.querySelector('main');
    for (const { tag, attributes, content } of specs) {
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      if (content) {
        const player = document.createElement('p'); // the venue's own player, revealed by the gate
        player.dataset.player = '';
        player.textContent = content;
        el.append(player);
      }
      host.append(el);
    }
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  },
  /** Loads modules by URL, in order, as `<script type="module">` tags would. */
  async load(urls) {
    for (const url of urls) await import(url);
    await Promise.all(TAGS.map((tag) => customElements.whenDefined(tag)));
  },
  report() {
    const { errors, violations } = record;
    // A <style> or <link> added to <head>, or a sheet adopted by the document, would be a leak.
    const headAdded = [...document.head.childNodes].filter((n) => !headBefore.includes(n)).map((n) => n.outerHTML?.slice(0, 160) ?? n.nodeName);
    return { errors, violations, outside: [...record.outside, ...observer.takeRecords().map((m) => `${m.type} on ${describe(m.target)}`)], headAdded, adopted: document.adoptedStyleSheets.length, litVersions: globalThis.litElementVersions ?? [] };
  },
  use,
  TAGS,
};

// ---------------------------------------------------------------------------------------------
// A patron's (or door staff's) full use of each element, as far as the host page can see it.
// ---------------------------------------------------------------------------------------------

const events = [];
for (const name of [
  'av-performance-click', 'av-series-click', 'av-month-change', 'av-error', 'ticket-scanner-error',
  'vista-member-login', 'vista-member-error', 'vista-redemption-error', 'utick-access-granted', 'utick-access-denied', 'utick-error',
]) {
  document.addEventListener(name, (event) => {
    events.push(name);
    // The page handles the choice itself (as a shop's router would) instead of leaving for the vendor.
    if (name === 'av-performance-click' || name === 'av-series-click') event.preventDefault();
  });
}

async function until(condition, what, timeoutMs = 8000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Visible and the topmost thing at its own centre: a patron could see and press it. */
function pressable(control) {
  if (!control) return 'a control is missing';
  const box = control.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return `${control.localName}.${control.className} has no size`;
  control.scrollIntoView({ block: 'center' });
  // The first line box: an inline control wrapped over lines has gaps inside its bounding box.
  const again = control.getClientRects()[0] ?? control.getBoundingClientRect();
  const x = again.left + again.width / 2;
  const y = again.top + again.height / 2;
  // Slotted content (the venue's player) is hit in the light DOM; shadow content by descending.
  let hit = document.elementFromPoint(x, y);
  while (hit && hit !== control && !control.contains(hit) && hit.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit === control || control.contains(hit) ? '' : `${control.localName}.${control.className} is covered by ${hit?.localName}.${hit?.className}`;
}

/** '' when every control is pressable, or what is wrong with the first that is not. */
function problems(...controls) {
  for (const control of controls) {
    const problem = pressable(control);
    if (problem) return problem;
  }
  return '';
}

function fill(input, value) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const steps = {
  async 'av-calendar'(el, $) {
    const link = await until(() => $('[part~="performance"][href]'), 'a performance in the calendar');
    const next = $('[part~="header"] button.next');
    const problem = problems(link, next);
    link.click();
    next.click();
    await until(() => events.includes('av-month-change'), 'av-month-change');
    return problem || events.includes('av-performance-click') || 'no av-performance-click';
  },
  async 'av-series-list'(el, $) {
    const buy = await until(() => $('[part~="buy"]'), 'a series buy link');
    const problem = problems(buy);
    buy.click();
    return problem || events.includes('av-series-click') || 'no av-series-click';
  },
  async 'av-event-list'(el, $) {
    const link = await until(() => $('[part~="performance"][href]'), 'a performance in the list');
    const problem = problems(link);
    const before = events.filter((e) => e === 'av-performance-click').length;
    link.click();
    return problem || events.filter((e) => e === 'av-performance-click').length === before + 1 || 'no av-performance-click';
  },
  async 'ticket-scanner'(el, $, who) {
    const username = await until(() => $('#username'), 'the sign-in form');
    const submit = $('.sign-in button[type="submit"]');
    const problem = problems(username, submit);
    fill(username, who.scanner.username);
    fill($('#password'), who.scanner.password);
    submit.click();
    // The page fixed the performance: straight to scanning; a code the box office does not know
    // fills the scanner with its verdict.
    await until(() => $('.scanner')?.dataset.phase === 'scanning', 'the scanning screen');
    await el.scan('NOT-A-TICKET-0427');
    const verdict = await until(() => $('[part~="verdict"][data-verdict="unknown"]'), 'the verdict');
    return problem || problems(verdict) || true;
  },
  async 'vista-member-login'(el, $, who) {
    const login = await until(() => $('#login'), 'the member sign-in form');
    const submit = $('form[part="form"] button[type="submit"]');
    const problem = problems(login, submit);
    fill(login, who.vista.login);
    fill($('#password'), who.vista.password);
    submit.click();
    await until(() => events.includes('vista-member-login'), 'vista-member-login');
    return problem || true;
  },
  async 'vista-ticket-redemption'(el, $) {
    // Without the member's session on this page it asks them to sign in: it rendered, and said so.
    await until(() => $('[part~="notice"], [part~="cards"]'), 'the redemption notice or cards');
    return (el.shadowRoot.textContent ?? '').trim().length > 0 || 'empty';
  },
  async 'utick-stream-gate'(el, $, who) {
    const input = await until(() => $('[part~="form"] #code'), 'the access-code form');
    const submit = $('[part~="submit"]');
    const problem = problems(input, submit);
    fill(input, who.utick.code);
    submit.click();
    await until(() => events.includes('utick-access-granted'), 'utick-access-granted');
    return problem || problems(el.querySelector('[data-player]')) || true;
  },
  async 'utick-pack-list'(el, $) {
    const pack = await until(() => $('[part~="pack"]'), 'a pack');
    return problems(pack) || true;
  },
};

/**
 * Uses every element on the page; `who` holds the mock's demo sign-ins and codes. Answers, per tag,
 * whether it rendered and worked (with what went wrong), and which element events reached the page.
 */
async function use(who) {
  const results = {};
  for (const el of document.querySelectorAll(TAGS.join(','))) {
    const $ = (selector) => el.shadowRoot?.querySelector(selector);
    try {
      const outcome = await steps[el.localName](el, $, who);
      results[el.localName] = outcome === true ? 'worked' : outcome;
    } catch (error) {
      results[el.localName] = String(error);
    }
  }
  return { results, events };
}
