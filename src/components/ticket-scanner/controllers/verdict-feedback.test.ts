import { expect } from '@open-wc/testing';
import { TONES, VerdictFeedback, VIBRATIONS, type FeedbackVerdict } from './verdict-feedback.js';

const RATE = 22_050;
const VERDICTS: FeedbackVerdict[] = ['valid', 'duplicate', 'invalid', 'unknown'];

/** What a verdict sounds like: rendered offline, as sample data. */
async function listen(verdict: FeedbackVerdict): Promise<Float32Array> {
  const context = new OfflineAudioContext(1, RATE, RATE); // one second
  new VerdictFeedback(() => context).play(verdict, { sound: true, vibration: false });
  return (await context.startRendering()).getChannelData(0);
}

/** Milliseconds of sound, and the pitch (Hz) of its first 50 ms, from zero crossings. */
function hear(samples: Float32Array): { soundMs: number; firstPitch: number } {
  let loud = 0;
  let first = -1;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]!) > 0.05) {
      loud++;
      if (first < 0) first = i;
    }
  }
  const window = samples.subarray(first, first + RATE * 0.05);
  let crossings = 0;
  for (let i = 1; i < window.length; i++) if (window[i - 1]! < 0 !== window[i]! < 0) crossings++;
  return { soundMs: (loud / RATE) * 1000, firstPitch: crossings / 2 / 0.05 };
}

describe('verdict feedback', () => {
  it('sounds each verdict differently: a high chirp for valid, a low tone for invalid', async () => {
    const heard = new Map<FeedbackVerdict, { soundMs: number; firstPitch: number }>();
    for (const verdict of VERDICTS) heard.set(verdict, hear(await listen(verdict)));
    for (const verdict of VERDICTS) {
      const expected = TONES[verdict].filter(([hz]) => hz > 0).reduce((ms, [, length]) => ms + length, 0);
      expect(heard.get(verdict)!.soundMs, `${verdict} sounds as long as its tones`).to.be.within(expected * 0.8, expected * 1.05);
      expect(heard.get(verdict)!.firstPitch, `${verdict} starts at its first tone`).to.be.within(TONES[verdict][0]![0] * 0.9, TONES[verdict][0]![0] * 1.1);
    }
    expect(heard.get('valid')!.firstPitch).to.be.greaterThan(2 * heard.get('invalid')!.firstPitch);
    expect(new Set(VERDICTS.map((v) => Math.round(heard.get(v)!.soundMs / 20))).size, 'four different lengths').to.equal(4);
  });

  it('vibrates with the verdict pattern where the device can, and stays silent when sound is off', async () => {
    const patterns: number[][] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'vibrate');
    Object.defineProperty(navigator, 'vibrate', { configurable: true, value: (pattern: number[]) => (patterns.push(pattern), true) });
    try {
      const context = new OfflineAudioContext(1, RATE, RATE);
      new VerdictFeedback(() => context).play('duplicate', { sound: false, vibration: true });
      expect(patterns).to.deep.equal([[...VIBRATIONS.duplicate]]);
      const samples = (await context.startRendering()).getChannelData(0);
      expect(samples.some((s) => Math.abs(s) > 0.01)).to.equal(false);
    } finally {
      delete (navigator as { vibrate?: unknown }).vibrate;
      if (original) Object.defineProperty(Navigator.prototype, 'vibrate', original);
    }
  });
});
