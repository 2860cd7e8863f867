// Logs a user in to a Camunda webapp in a browser context of its own (logins are cookies) and waits until the
// webapps' own session endpoint says who is logged in, so that a slow machine never looks at a login page by
// mistake. Used by browser-check.js and browser-check-locales.js.
const pause = ms => new Promise(r => setTimeout(r, ms));

async function loggedIn(page) {
  return page.evaluate(async () => {
    const r = await fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'});
    return r.ok ? (await r.json()).userId : null;
  }).catch(() => null);
}

async function fill(page, selector, value) {
  for (let i = 0; i < 3; i++) {
    await page.click(selector, {clickCount: 3});
    await page.type(selector, value);
    if (await page.$eval(selector, e => e.value) === value) return;
    await page.$eval(selector, e => { e.value = ''; });
  }
  throw new Error('could not type into ' + selector);
}

async function session(browser, base, user, app, timeout = 90000) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.setViewport({width: 1400, height: 1000});
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${base}/camunda/app/${app}/default/`, {waitUntil: 'networkidle2', timeout: timeout + 30000});
    if (await loggedIn(page) === user) break;
    await page.waitForSelector('input[type=password]', {timeout});
    await fill(page, 'input[type=text]', user);
    await fill(page, 'input[type=password]', user);
    await Promise.all([page.keyboard.press('Enter'), page.waitForNetworkIdle({idleTime: 1000, timeout}).catch(() => {})]);
    for (let i = 0; i < 30 && await loggedIn(page) !== user; i++) await pause(1000);
    if (await loggedIn(page) === user) break;
    if (attempt === 3) throw new Error(user + ' could not log in to ' + app);
  }
  await page.waitForNetworkIdle({idleTime: 1000, timeout}).catch(() => {});
  await pause(1500);
  return page;
}

module.exports = {session, pause};
