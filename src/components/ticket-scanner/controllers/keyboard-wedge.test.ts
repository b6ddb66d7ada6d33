import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { KeyboardWedge } from './keyboard-wedge.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Types `text` then Enter at `target`, `gapMs` between keys (0: as fast as a scanner gun). A text
 * field also gets the characters, as the browser would put them in.
 */
async function type(target: EventTarget, text: string, gapMs = 0, { enter: sendEnter = true } = {}): Promise<KeyboardEvent | undefined> {
  for (const key of text) {
    if (key !== key.toLowerCase()) target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true, composed: true }));
    const down = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
    target.dispatchEvent(down);
    if (target instanceof HTMLInputElement && !down.defaultPrevented) target.value += key;
    if (gapMs) await sleep(gapMs);
  }
  if (!sendEnter) return undefined;
  const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(enter);
  return enter;
}

describe('keyboard-wedge scanners', () => {
  let scans: string[];
  let wedge: KeyboardWedge;
  /** The scanner's own entry field, and the codes a gun without Enter sent from it. */
  let entry: HTMLInputElement;
  let fieldScans: string[];
  beforeEach(() => {
    scans = [];
    fieldScans = [];
    entry = document.createElement('input');
    wedge = new KeyboardWedge(document, {
      onScan: (code) => scans.push(code),
      scanField: () => entry,
      onFieldScan: (field) => {
        fieldScans.push(field.value);
        field.value = '';
      },
    });
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
    expect(enter!.defaultPrevented).to.equal(true);
    await type(document.body, '9780201633610');
    // The pause after a gun's Enter does not end the same code a second time.
    await sleep(200);
    expect(scans).to.deep.equal(['TKT-0042-ABc', '9780201633610']);
  });

  it('leaves a person typing alone, and a fast burst too short to be a code', async () => {
    const enter = await type(document.body, 'hello', 90);
    expect(enter!.defaultPrevented).to.equal(false);
    await type(document.body, 'ab');
    await type(document.body, 'slowly, no Enter', 90, { enter: false });
    await sleep(200);
    expect(scans).to.deep.equal([]);
  });

  it('leaves what is typed into a text field to that field', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    await type(input, 'TKT-0042-ABC');
    expect(scans).to.deep.equal([]);
  });

  it('starts a new code after a pause, and hears nothing once stopped', async () => {
    for (const key of 'ST') document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await sleep(120);
    await type(document.body, 'FRESH-1');
    expect(scans).to.deep.equal(['FRESH-1']);
    wedge.stop();
    await type(document.body, 'AFTER-STOP');
    await type(document.body, 'NO-ENTER-AFTER-STOP', 0, { enter: false });
    await sleep(200);
    expect(scans).to.deep.equal(['FRESH-1']);
  });

  describe('guns set to send no Enter', () => {
    it('ends a code at the pause after a fast burst, one scan per code, wherever the focus is', async () => {
      const button = document.createElement('button');
      document.body.append(button);
      button.focus();
      await type(button, 'TKT-0042-ABc', 0, { enter: false });
      expect(scans, 'a code ended before its pause').to.deep.equal([]);
      await sleep(200);
      expect(scans).to.deep.equal(['TKT-0042-ABc']);
      await type(document.body, '9780201633610', 0, { enter: false });
      await sleep(200);
      await type(document.body, 'TKT-0043-XYZ', 0, { enter: false });
      await sleep(200);
      expect(scans).to.deep.equal(['TKT-0042-ABc', '9780201633610', 'TKT-0043-XYZ']);
    });

    it('keeps a held key (key repeat) and a short burst from being codes', async () => {
      for (let i = 0; i < 8; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', repeat: i > 0, bubbles: true }));
      await type(document.body, 'ab', 0, { enter: false });
      await sleep(200);
      expect(scans).to.deep.equal([]);
    });

    it("sends the scanner's entry field when a gun filled it and stopped, and only then", async () => {
      document.body.append(entry);
      entry.focus();
      await type(entry, 'TKT-0042-ABC', 0, { enter: false });
      await sleep(200);
      expect(fieldScans).to.deep.equal(['TKT-0042-ABC']);
      expect(scans, 'the field code was also taken as a page-wide scan').to.deep.equal([]);
      // A person who typed the start slowly, then fast: the field is theirs, not a gun's.
      await type(entry, 'TK', 150, { enter: false });
      await type(entry, 'T-0099', 0, { enter: false });
      await sleep(200);
      expect(fieldScans).to.deep.equal(['TKT-0042-ABC']);
      expect(entry.value).to.equal('TKT-0099');
    });

    it("leaves a person typing slowly in the entry field alone (real key presses), until they press Enter", async () => {
      const submitted: string[] = [];
      const form = document.createElement('form');
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submitted.push(entry.value);
      });
      form.append(entry);
      document.body.append(form);
      entry.focus();
      for (const key of 'TKT-0042') {
        await sendKeys({ press: key });
        await sleep(130);
      }
      await sleep(200);
      expect(entry.value).to.equal('TKT-0042');
      expect(fieldScans).to.deep.equal([]);
      expect(submitted).to.deep.equal([]);
      await sendKeys({ press: 'Enter' });
      expect(submitted).to.deep.equal(['TKT-0042']);
      expect(scans).to.deep.equal([]);
    });
  });
});
