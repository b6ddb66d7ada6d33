/**
 * A verdict told by ear and by touch, for door staff who are looking at the queue, not the
 * screen: a distinct tone per verdict, made with Web Audio (no sound file to fetch, nothing to
 * cache for offline), and a vibration pattern where the device has one. A rising chirp means in;
 * anything low or repeated means stop and look.
 */
export type FeedbackVerdict = 'valid' | 'duplicate' | 'invalid' | 'unknown';

/** Each tone: frequency (Hz) and length (ms), played one after the other. */
export const TONES: Record<FeedbackVerdict, ReadonlyArray<readonly [number, number]>> = {
  valid: [
    [880, 90],
    [1320, 140],
  ],
  duplicate: [
    [660, 120],
    [0, 60],
    [660, 120],
  ],
  invalid: [[220, 450]],
  unknown: [
    [440, 150],
    [330, 250],
  ],
};

/** Vibration patterns (ms on, off, on…). */
export const VIBRATIONS: Record<FeedbackVerdict, readonly number[]> = {
  valid: [60],
  duplicate: [90, 60, 90],
  invalid: [350],
  unknown: [150, 80, 150],
};

export interface FeedbackOptions {
  sound: boolean;
  vibration: boolean;
}

/** A live `AudioContext`; tests hand in an `OfflineAudioContext` and listen to what it rendered. */
type Context = AudioContext | OfflineAudioContext;

export class VerdictFeedback {
  private context?: Context;

  constructor(private readonly createContext: () => Context | undefined = defaultContext) {}

  /**
   * Browsers start audio only after a user gesture: call this from one (the sign-in button, a
   * tap), so that the first verdict is heard.
   */
  unlock(): void {
    this.context ??= this.createContext();
    if (this.context?.state === 'suspended') void this.context.resume().catch(() => undefined);
  }

  play(verdict: FeedbackVerdict, options: FeedbackOptions): void {
    if (options.vibration && typeof navigator.vibrate === 'function') navigator.vibrate([...VIBRATIONS[verdict]]);
    if (!options.sound) return;
    this.context ??= this.createContext();
    const context = this.context;
    if (!context) return;
    let at = context.currentTime + 0.01;
    for (const [frequency, ms] of TONES[verdict]) {
      const seconds = ms / 1000;
      if (frequency > 0) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = 'square';
        oscillator.frequency.value = frequency;
        // A short fade in and out: no click at either end.
        gain.gain.setValueAtTime(0, at);
        gain.gain.linearRampToValueAtTime(0.2, at + 0.01);
        gain.gain.setValueAtTime(0.2, at + seconds - 0.02);
        gain.gain.linearRampToValueAtTime(0, at + seconds);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(at);
        oscillator.stop(at + seconds);
      }
      at += seconds;
    }
  }

  close(): void {
    if (this.context instanceof AudioContext) void this.context.close().catch(() => undefined);
    this.context = undefined;
  }
}

function defaultContext(): AudioContext | undefined {
  return typeof AudioContext === 'function' ? new AudioContext() : undefined;
}
