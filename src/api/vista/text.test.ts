import { expect } from '@open-wc/testing';
import { localizedText } from './text.js';

const schemeName = {
  text: 'Student Night Pass',
  translations: [
    { languageTag: 'fr', text: 'Pass Soirée Étudiante' },
    { languageTag: 'nl-BE', text: 'Studentenavondpas' },
    { languageTag: 'nl-NL', text: 'Studentenavondkaart' },
    { languageTag: 'de', text: 'Studentenabend-Pass' },
  ],
};

describe('localizedText', () => {
  it('picks the exact translation for the page locale, whatever its case', () => {
    expect(localizedText(schemeName, 'nl-NL')).to.equal('Studentenavondkaart');
    expect(localizedText(schemeName, 'NL-be')).to.equal('Studentenavondpas');
  });

  it('falls back to a translation in the same language', () => {
    expect(localizedText(schemeName, 'fr-BE')).to.equal('Pass Soirée Étudiante');
    expect(localizedText(schemeName, 'de_AT')).to.equal('Studentenabend-Pass');
    expect(localizedText(schemeName, 'nl')).to.equal('Studentenavondpas');
  });

  it('falls back to the default text when no translation fits', () => {
    expect(localizedText(schemeName, 'es-ES')).to.equal('Student Night Pass');
    expect(localizedText({ text: 'Adult', translations: [] }, 'fr')).to.equal('Adult');
  });

  it('skips an empty translation rather than showing nothing', () => {
    expect(localizedText({ text: 'Adult', translations: [{ languageTag: 'fr', text: '' }] }, 'fr')).to.equal('Adult');
  });

  it('passes plain strings through and turns a missing value into an empty string', () => {
    expect(localizedText('Senior', 'fr')).to.equal('Senior');
    expect(localizedText(null, 'fr')).to.equal('');
    expect(localizedText(undefined, 'fr')).to.equal('');
  });
});
