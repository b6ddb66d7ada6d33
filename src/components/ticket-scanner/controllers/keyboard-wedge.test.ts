import { expect } from '@open-wc/testing';
import { KeyboardWedge } from './keyboard-wedge.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Types `text` then Enter at `target`, `gapMs` between keys (0: as fast as a scanner gun). */
async function type(target: EventTarget, text: string, gapMs = 0): Promise<KeyboardEvent> {
  for (const key of text) {
    if (key !== key.toLowerCase()) target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true, composed: true }));
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    if (gapMs) await sleep(gapMs);
  }
  const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(enter);
  return enter;
}

describe('keyboard-wedge scanners', () => {
  let scans: string[];
  let wedge: KeyboardWedge;
  beforeEach(() => {
    scans = [];
    wedge = new KeyboardWedge(document, { onScan: (code) => scans.push(code) });
    wedge.start();
  });
  afterEach(() => {
    wedge.stop();
    document.body.replaceChildren();
  });

  it('takes a fast burst ending in Enter as one scan, wherever the focus is, and keeps its Enter from pressing anything', async () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const enter = await type(button, 'TKT-0042-ABc');
    expect(scans).to.deep.equal(['TKT-0042-ABc']);
    expect(enter.defaultPrevented).to.equal(true);
    await type(document.body, '9780201633610');
    expect(scans).to.deep.equal(['TKT-0042-ABc', '9780201633610']);
  });

  it('leaves a person typing alone, and a fast burst too short to be a code', async () => {
    const enter = await type(document.body, 'hello', 90);
    expect(enter.defaultPrevented).to.equal(false);
    await type(document.body, 'ab');
    expect(scans).to.deep.equal([]);
  });

  it('leaves what is typed into a text field to that field', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    await type(input, 'TKT-0042-ABC');
    expect(scans).to.deep.equal([]);
  });

  it('starts a new code after a pause, and hears nothing once stopped', async () => {
    for (const key of 'STALE') document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await sleep(120);
    await type(document.body, 'FRESH-1');
    expect(scans).to.deep.equal(['FRESH-1']);
    wedge.stop();
    await type(document.body, 'AFTER-STOP');
    expect(scans).to.deep.equal(['FRESH-1']);
  });
});
