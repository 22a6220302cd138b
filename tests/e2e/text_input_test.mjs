// The phone's keyboard on the canvas: tapping a text field focuses the hidden textarea (so
// the on-screen keyboard opens), typed ASCII, a pinyin IME composition, backspace and paste
// reach the field as exactly the committed text, and leaving the field closes the keyboard.
//   node tests/e2e/text_input_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  assert, e2eRun, e2eStart, findWidget, PHONE, signInWorker, tap, openApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const fieldValue = async (page) => (await findWidget(page, 'input', '搜索驿站')).value;
const waitValue = (page, expected) => page.waitForFunction(
  (v) => window.nuanxin.widgets().some((w) => w.role === 'input' && w.value === v), expected, { timeout: 5000 })
  .catch(async () => { throw new Error(`field value: expected "${expected}", got "${await fieldValue(page)}"`); });

await e2eRun({ server, browser }, async () => {
  const { page, problems } = await openApp(browser, server);
  await signInWorker(page, demoLogins().find((l) => l.role === 'worker'));  // the station search comes with the data
  await tap(page, await findWidget(page, 'tab', '驿站'));
  await page.waitForFunction(() => window.nuanxin.state().screen === 'stations', null, { timeout: 5000 });

  // One tap on the field: it becomes the focused item and the hidden textarea takes focus.
  const field = await findWidget(page, 'input', '搜索驿站');
  assert(field.h >= 44, `the field is a touch target (${field.h} px tall)`);
  await tap(page, field);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'nx-text-input', null, { timeout: 5000 });
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'input' && w.focused), null, { timeout: 5000 })
    .catch(() => { throw new Error('the field never showed as focused in the widget tree'); });

  // Typed ASCII.
  await page.keyboard.type('nanyuan');
  await waitValue(page, 'nanyuan');

  // Backspace three times.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await waitValue(page, 'nany');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await waitValue(page, '');

  // A pinyin composition: only the committed text arrives, not the syllables on the way.
  await page.evaluate(() => {
    const ta = document.getElementById('nx-text-input');
    const fire = (type, data) => ta.dispatchEvent(new CompositionEvent(type, { data, bubbles: true }));
    fire('compositionstart', '');
    for (const step of ['n', 'na', 'nan', 'nany', 'nanyuan']) {
      ta.value = step;
      fire('compositionupdate', step);
      ta.dispatchEvent(new InputEvent('input', { data: step, inputType: 'insertCompositionText', isComposing: true, bubbles: true }));
    }
    fire('compositionend', '南苑');
  });
  await waitValue(page, '南苑');

  // The browser's own IME path (what a phone keyboard commits) and a second word.
  await page.keyboard.insertText('驿站');
  await waitValue(page, '南苑驿站');
  await page.screenshot({ path: join(args.out, 'text-input-390x844.png') });

  // Paste.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ' 鼓楼路');
    document.getElementById('nx-text-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await waitValue(page, '南苑驿站 鼓楼路');

  // Characters outside the first-load glyphs (鼓楼路 are in no UI string) join the atlas once
  // the fuller glyph font has arrived; a rare one (𠮷, outside GB 2312) shows the 〓 mark.
  await page.waitForFunction(() => {
    const g = window.nuanxin.state().glyphs;
    return g.font_loaded && g.waiting === 0 && g.added >= 3;
  }, null, { timeout: 15000 }).catch(async () => {
    throw new Error(`glyphs did not grow: ${JSON.stringify((await page.evaluate(() => window.nuanxin.state())).glyphs)}`);
  });
  await page.keyboard.insertText('𠮷');
  await waitValue(page, '南苑驿站 鼓楼路𠮷');
  await page.waitForFunction(() => window.nuanxin.state().glyphs.fallback === 1, null, { timeout: 5000 })
    .catch(async () => { throw new Error(`no fallback counted: ${JSON.stringify((await page.evaluate(() => window.nuanxin.state())).glyphs)}`); });
  await page.screenshot({ path: join(args.out, 'text-input-glyphs-390x844.png') });
  // One Backspace removes 𠮷 whole (one character, though two UTF-16 units), the next 路.
  for (let i = 0; i < 2; i++) await page.keyboard.press('Backspace');
  await waitValue(page, '南苑驿站 鼓楼');

  // The keyboard takes the lower half of the screen (the page shrinks, as
  // interactive-widget=resizes-content asks): the field being typed into stays in view.
  await page.setViewportSize({ width: PHONE.viewport.width, height: 250 });
  await page.waitForFunction(() => {
    const f = window.nuanxin.widgets().find((w) => w.role === 'input');
    return f && f.h >= 46 && f.y >= 56 && f.y + f.h <= 250 - 60;  // whole (the tree reports the visible part)
  }, null, { timeout: 5000 }).catch(async () => {
    throw new Error(`the field is out of view above the keyboard: ${JSON.stringify(await findWidget(page, 'input', '搜索驿站'))}`);
  });
  await page.setViewportSize(PHONE.viewport);
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'tab' && w.y > 700), null, { timeout: 5000 });

  // Leaving the field (a tap on the text below it) closes the keyboard; the text stays.
  await tap(page, await findWidget(page, 'text', '冷可取暖、热可纳凉、渴可喝水、累可歇脚。'));
  await page.waitForFunction(() => document.activeElement?.id !== 'nx-text-input', null, { timeout: 5000 });
  assert((await fieldValue(page)) === '南苑驿站 鼓楼', 'the text stays after leaving the field');

  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);
  console.log('text input: ok (ASCII, backspace, IME composition, insertText, paste, blur)');
});
