// Looks at what agents and managers see in Tasklist, in headless Chromium, and fails on what must not be there.
// Usage: node scripts/browser-check.js <baseUrl> <followUpNumber of a customer whose name is HTML/markdown> <outDir>
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const {session} = require('./browser-login');
const [, , base, evilFollowUp, outDir] = process.argv;

async function openTask(page, query) {
  const taskId = await page.evaluate(async (q) => {
    const r = await fetch('/camunda/api/engine/engine/default/task?' + q);
    const list = await r.json();
    return list.length ? list[0].id : null;
  }, query);
  if (!taskId) return null;
  await page.goto(base + '/camunda/app/tasklist/default/#/?task=' + taskId, {waitUntil: 'networkidle2'});
  await page.waitForSelector('.form-js, form', {timeout: 30000});
  await new Promise(r => setTimeout(r, 2000));
  const claim = await page.$('button.claim, [ng-click*="claim"]');
  if (claim) {
    await claim.click();
    await new Promise(r => setTimeout(r, 2000));
  }
  return taskId;
}

(async () => {
  fs.mkdirSync(outDir, {recursive: true});
  const browser = await puppeteer.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--lang=zh-CN'], headless: true});
  const failures = [];
  try {
    // an agent's call form: the customer's name shows as text, never as a live link or markup
    const agent = await session(browser, base, 'agent1', 'tasklist', 30000);
    if (!await openTask(agent, 'processInstanceBusinessKey=' + evilFollowUp)) failures.push('agent1 sees no call task for ' + evilFollowUp);
    await agent.screenshot({path: outDir + '/call-form-agent1.png'});
    const links = await agent.evaluate(() => document.querySelectorAll('a[href*="evil.example"], img[src*="evil.example"]').length);
    const text = await agent.evaluate(() => document.body.innerText);
    if (links > 0) failures.push(links + ' live link(s) from a customer name in the call form');
    if (!text.includes('点此领奖')) failures.push('the customer name is not shown in the call form');
    if (!text.includes('通话结果 Call outcome')) failures.push('the call form did not render');
    // the form's dial link: the assignee gets the number on the dial page (reveal adapter), as a tel: link
    const dialHref = await agent.evaluate(() => { const a = [...document.querySelectorAll('a')].find(x => x.textContent.includes('拨打 Call')); return a ? a.getAttribute('href') : null; });
    if (!dialHref || !dialHref.startsWith('/camunda/careloop/dial.html?followUp=' + evilFollowUp)) failures.push('no dial link in the call form: ' + dialHref);
    const dial = await agent.browserContext().newPage();
    await dial.goto(base + '/camunda/careloop/dial.html?followUp=' + evilFollowUp, {waitUntil: 'networkidle2'});
    await dial.waitForFunction(() => !document.getElementById('dial-status').textContent.includes('正在拨号'), {timeout: 30000}).catch(() => {});
    await dial.screenshot({path: outDir + '/dial-page-agent1.png'});
    const tel = await dial.evaluate(() => { const t = document.getElementById('dial-tel'); return t && !t.hidden ? t.getAttribute('href') : null; });
    if (tel !== 'tel:13800138000') failures.push('the dial page did not reveal the number to the assignee: ' + tel + ' / '
        + await dial.evaluate(() => document.getElementById('dial-status').textContent));
    await dial.close();

    // a manager's holiday task, when next year's holidays are missing: the form renders with its text field
    const manager = await session(browser, base, 'manager1', 'tasklist', 30000);
    if (await openTask(manager, 'processDefinitionKey=holidayCalendar')) {
      await manager.screenshot({path: outDir + '/holiday-form-manager1.png'});
      const body = await manager.evaluate(() => document.body.innerText);
      if (!body.includes('维护节假日') || !body.includes('节假日数据 Holidays')) failures.push('the holiday form did not render');
    } else {
      console.log('no holiday task waits (next year is on file): holiday form not checked');
    }
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error('BROWSER CHECK FAILED:\n - ' + failures.join('\n - '));
    process.exit(1);
  }
  console.log('browser check passed; screenshots in ' + outDir);
})().catch(e => { console.error(e); process.exit(1); });
