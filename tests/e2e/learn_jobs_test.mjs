// 首页's pages, offline: the union's news and 工会知识 (an article, the five-question quiz with
// its score) and 招聘求职 (filtered by trade; "我感兴趣" files a job-help request that names
// the post and reaches the server once there is signal). Also 首页's "needs attention".
//   node tests/e2e/learn_jobs_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  apiRecords, assert, findScrolled, findWidget, goTab, signInWorker, tap, waitState, widgets,
  e2eRun, e2eStart,
  openApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const worker = logins.find((l) => l.role === 'worker');
const texts = async (page) => (await widgets(page)).filter((w) => w.role === 'text' || w.role === 'heading').map((w) => w.label);

await e2eRun({ server, browser }, async () => {
  const { context, page, problems } = await openApp(browser, server);
  await signInWorker(page, worker);
  await context.setOffline(true);  // everything below reads what is on the phone

  // News on 首页, and one opened.
  await goTab(page, '首页', 'home');
  await findScrolled(page, 'heading', '工会公告');
  // The demo district's campaign is the season's: 夏送清凉 from May to September, else 冬送温暖.
  const china = new Date(Date.now() + 8 * 3600e3);
  const month = china.getUTCMonth() + 1;
  const campaign = `${china.getUTCFullYear()} ${month >= 5 && month <= 9 ? '夏送清凉' : '冬送温暖'}开始了`;
  await tap(page, await findScrolled(page, 'link', `${campaign} ›`));
  await page.waitForFunction((t) => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === t), campaign);
  assert((await texts(page)).some((t) => t.includes('每人限领一次')), 'the article reads');
  await tap(page, await findWidget(page, 'link', '‹ 返回首页'));

  // 工会知识: an article and the quiz.
  await tap(page, await findScrolled(page, 'button', '工会知识'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '工会知识'));
  await page.screenshot({ path: join(args.out, 'learn-390x844.png') });
  await tap(page, await findScrolled(page, 'link', '工会知识小测验 ›'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '工会知识小测验'));
  const answers = ['能', '行业工会或所在街道、社区工会联合会', '免费法律咨询和援助', '只能买水', '不需要'];
  for (const a of answers) await tap(page, await findScrolled(page, 'radio', a));
  await findScrolled(page, 'heading', '答对 4 / 5');
  await page.screenshot({ path: join(args.out, 'learn-quiz-390x844.png') });
  await tap(page, await findScrolled(page, 'link', '‹ 返回工会知识'));
  await tap(page, await findScrolled(page, 'link', '‹ 返回首页'));

  // 招聘求职: courier posts only, and interest in one, saved offline.
  await tap(page, await findScrolled(page, 'button', '招聘求职'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '招聘求职'));
  await tap(page, await findWidget(page, 'radio', '快递员'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '快递员' && w.checked === true));
  const shown = await texts(page);
  assert(shown.includes('快递分拣员') && !shown.includes('外卖骑手（全职）'), `courier jobs only (${shown.join(' | ')})`);
  await page.screenshot({ path: join(args.out, 'jobs-390x844.png') });
  await tap(page, await findScrolled(page, 'button', '我感兴趣'));
  await waitState(page, () => window.nuanxin.state().pending_ops === 1, null, 'the interest saved on the phone');
  await findScrolled(page, 'text', '已告诉工会，等待联系');

  // Back online: it reaches the server once, naming the post.
  await context.setOffline(false);
  await goTab(page, '我的', 'me');
  await tap(page, await findScrolled(page, 'button', '立即同步'));
  await waitState(page, () => window.nuanxin.state().pending_ops === 0, null, 'sync');
  const all = await apiRecords(server, logins.find((l) => l.role === 'admin'));
  const requests = all.filter((r) => r.kind === 'service_request' && r.fields.job_post_id);
  assert(requests.length === 1, `one job-help request (${requests.length})`);
  const post = all.find((r) => r.id === requests[0].fields.job_post_id);
  assert(post && post.kind === 'job_post' && post.fields.trade === 'courier', 'linked to the courier post');

  const real = problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p));
  assert(real.length === 0, 'no page errors: ' + real.join('; '));
});
