import { expect } from '@open-wc/testing';
import { openMockWorld } from '../mock.js';
import { declaredReadings, STRICTEST_READINGS } from './readings.js';

describe('mock readings of the vendors\' silences', () => {
  it('declares, for every reading, the strictest choice as its default, and the tests pin each one', async () => {
    const declared = await declaredReadings();
    // A reading added to the mock must be written out in readings.ts too, or the tests that
    // assume the default would not pin it and would break under MOCK_READINGS.
    expect(Object.fromEntries(Object.entries(declared).map(([name, r]) => [name, r.choices[0]]))).to.deep.equal(STRICTEST_READINGS);
  });

  it('plays in a world the readings it was opened with, and those chosen later, whatever the backend-wide default', async () => {
    const mock = await openMockWorld({ readings: STRICTEST_READINGS });
    expect(await mock.readings()).to.deep.equal(STRICTEST_READINGS);
    await mock.chooseReadings({ 'utick.paths': 'tolerant', 'vista.setShowtime.answer': 'showtime' });
    expect(await mock.readings()).to.deep.equal({ ...STRICTEST_READINGS, 'utick.paths': 'tolerant', 'vista.setShowtime.answer': 'showtime' });
  });

  it('refuses a reading or a choice it does not know', async () => {
    const mock = await openMockWorld();
    let refused: unknown;
    await mock.chooseReadings({ 'utick.paths': 'lenient' }).catch((error: unknown) => (refused = error));
    expect(String(refused)).to.contain('400').and.to.contain('no choice lenient');
    refused = undefined;
    await openMockWorld({ readings: { 'utick.nothing': 'x' } }).catch((error: unknown) => (refused = error));
    expect(String(refused)).to.contain('No reading named utick.nothing');
  });
});
