// Swagger UI logs in: opens a service's Swagger UI in headless Chromium, clicks "Authorize", logs in
// on the realm's own login page (authorization code with PKCE, the public client psi-console) as a
// demo user, comes back authorised, and tries an operation that needs the token: it must answer 200.
//
//   node check.mjs <swagger-ui url> <username> <password> <method> <path>
// e.g. node check.mjs http://localhost:8081/q/swagger-ui/ wang.fang demo GET /api/workers/me
import puppeteer from 'puppeteer-core';

const [url, username, password, method, path] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const fail = async (page, message) => {
  if (page) {
    await page.screenshot({ path: 'swagger-login-check-failure.png' }).catch(() => {});
  }
  console.error('FAILED: ' + message);
  await browser.close();
  process.exit(1);
};
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(30000);
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.waitForSelector('.btn.authorize');
  await page.click('.btn.authorize');
  await page.waitForSelector('.modal-ux');
  const authorize = await page.waitForSelector('.modal-ux .auth-btn-wrapper .btn.modal-btn.auth.authorize');
  // the realm's login page opens in a window of its own
  const popupOpened = new Promise((resolve) => browser.once('targetcreated', (t) => resolve(t.page())));
  await authorize.click();
  const login = await popupOpened;
  await login.waitForSelector('#username');
  console.log('login page: ' + new URL(login.url()).origin + new URL(login.url()).pathname);
  if (!login.url().includes('code_challenge_method=S256')) {
    await fail(page, 'the authorization request has no PKCE challenge: ' + login.url());
  }
  await login.type('#username', username);
  await login.type('#password', password);
  await Promise.all([login.waitForNavigation().catch(() => {}), login.click('#kc-login')]);
  // back in Swagger UI: the scheme shows a Logout button once the code was exchanged for a token
  await page.waitForFunction(() => [...document.querySelectorAll('.modal-ux button')].some((b) => b.textContent.trim() === 'Logout'));
  console.log('authorised in Swagger UI as ' + username);
  await page.click('.modal-ux .btn-done, .modal-ux .close-modal');
  // the operation: expand it, "Try it out", "Execute"
  const block = await page.waitForFunction((m, p) => [...document.querySelectorAll('.opblock')].find((b) =>
    b.querySelector('.opblock-summary-method')?.textContent.trim() === m
    && b.querySelector('.opblock-summary-path')?.getAttribute('data-path') === p), {}, method, path);
  await (await block.asElement().$('.opblock-summary')).click();
  await (await block.asElement().waitForSelector('.try-out__btn')).click();
  await (await block.asElement().waitForSelector('.execute')).click();
  const status = await page.waitForFunction((b) => b.querySelector('.live-responses-table .response .response-col_status')?.textContent.trim(),
    {}, block);
  const code = (await status.jsonValue()).split(/\s/)[0];
  console.log(`Try it out: ${method} ${path} -> ${code}`);
  if (code !== '200') {
    await fail(page, `${method} ${path} answered ${code}`);
  }
  await browser.close();
} catch (e) {
  await fail(null, e.stack || String(e));
}
