/** The wording of main's own questions (src/main/dialogs.ts). */
import { describe, expect, it } from 'vitest';
import { addPanelQuestion, listNames, uploadQuestion } from '../../../src/main/dialog-questions';

describe('main’s questions', () => {
  it('names the one file, or counts them and lists at most eight', () => {
    expect(uploadQuestion({ serverName: 'Survival', directory: '/plugins', fileNames: ['a.jar'] }).message).toBe('Upload a.jar to Survival?');
    const many = uploadQuestion({ serverName: 'Survival', directory: '/', fileNames: Array.from({ length: 10 }, (_, i) => `f${i}`) });
    expect(many.message).toBe('Upload 10 files to Survival?');
    expect(many.detail).toBe(`Into /:\n${listNames(Array.from({ length: 10 }, (_, i) => `f${i}`))}`);
    expect(listNames(Array.from({ length: 10 }, (_, i) => `f${i}`)).split('\n')).toHaveLength(9);
    expect(listNames(['a', 'b'])).toBe('• a\n• b');
    expect(many).toMatchObject({ buttons: ['Upload', 'Cancel'], cancelId: 1 });
  });

  it('warns, with Cancel as the default, before a plain-http panel', () => {
    const plain = addPanelQuestion({ name: 'Home', url: 'http://panel.lan', isPlainHttp: true });
    expect(plain).toMatchObject({ type: 'warning', buttons: ['Cancel', 'Add without encryption'], defaultId: 0, cancelId: 0 });
    expect(plain.detail).toContain('anyone on the network can read your key');
    expect(addPanelQuestion({ name: 'Home', url: 'https://panel.example.com', isPlainHttp: false })).toMatchObject({
      type: 'question',
      buttons: ['Add panel', 'Cancel'],
      cancelId: 1,
    });
  });
});
