// The Camunda webapps in Chinese, looked at in headless Chromium by a browser set to American English (which the
// webapps would otherwise follow): Tasklist, Cockpit and Admin show Chinese, the header banner carries our text
// and switches to English and back, and a Camunda Form in Tasklist shows Chinese validation messages and a
// year-first date picker. Usage: node scripts/browser-check-locales.js <baseUrl> <outDir>
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const [, , base, outDir] = process.argv;
const {session, pause} = require('./browser-login');

const text = page => page.evaluate(() => document.body.innerText);

(async () => {
  fs.mkdirSync(outDir, {recursive: true});
  const browser = await puppeteer.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--lang=en-US'], headless: true, env: {...process.env, TZ: 'Asia/Shanghai'}});
  const failures = [];
  const expect = (ok, what) => { if (!ok) failures.push(what); };
  try {
    const agent = await session(browser, base, 'agent1', 'tasklist');
    expect(await agent.evaluate(() => navigator.language) === 'en-US', 'the browser is not set to en-US');
    let body = await text(agent);
    expect(body.includes('CareLoop 客户回访系统'), 'Tasklist banner is not ours');
    expect(!body.includes('migrate to Camunda 8'), 'the vendor banner is shown');
    expect(body.includes('任务列表 Tasklist') && body.includes('发起流程'), 'Tasklist is not in Chinese for an en-US browser');
    await agent.screenshot({path: outDir + '/tasklist-zh.png'});

    // a call form: Chinese validation messages, year-first date picker
    const taskId = await agent.evaluate(async () => {
      const list = await (await fetch('/camunda/api/engine/engine/default/task?assignee=agent1&processDefinitionKey=followUp')).json();
      return list.length ? list[0].id : null;
    });
    if (taskId) {
      await agent.goto(`${base}/camunda/app/tasklist/default/#/?task=${taskId}`, {waitUntil: 'networkidle2'});
      await agent.waitForSelector('.fjs-form', {timeout: 90000});
      await pause(1500);
      await agent.evaluate(() => [...document.querySelectorAll('button')].find(b => b.innerText.trim() === '完成').click());
      await pause(1500);
      const errors = await agent.evaluate(() => [...document.querySelectorAll('.fjs-form-field-error li')].map(li => li.textContent));
      expect(errors.length > 0 && errors.every(e => /[\u4e00-\u9fff]/.test(e)), 'form validation messages not in Chinese: ' + errors);
      await agent.screenshot({path: outDir + '/form-validation-zh.png'});
      await agent.click('.fjs-select-display');
      await agent.waitForSelector('.fjs-dropdownlist-item');
      // form-js picks an item on a real mouse click
      for (const item of await agent.$$('.fjs-dropdownlist-item')) {
        if ((await item.evaluate(i => i.innerText)).includes('Call back later')) { await item.click(); break; }
      }
      await agent.waitForSelector('.fjs-datepicker input');
      const placeholder = await agent.evaluate(() => (document.querySelector('.fjs-datepicker input') || {}).placeholder);
      expect(placeholder === 'yyyy/mm/dd', 'date picker placeholder is ' + placeholder);
      await agent.click('.fjs-datepicker input');
      await agent.waitForSelector('.flatpickr-calendar.open');
      const calendar = await agent.evaluate(() => document.querySelector('.flatpickr-calendar').innerText);
      expect(calendar.includes('12月') && !calendar.includes('December'), 'the date picker calendar is not in Chinese');
      await agent.screenshot({path: outDir + '/form-date-zh.png'});
    } else {
      failures.push('agent1 has no call task to look at the form');
    }

    // the switch in the banner: English, then back to Chinese; the choice survives a reload
    await agent.goto(`${base}/camunda/app/tasklist/default/`, {waitUntil: 'networkidle2'});
    await agent.waitForSelector('[data-careloop-language="en"]', {timeout: 90000});
    await Promise.all([agent.waitForNavigation({waitUntil: 'networkidle2'}), agent.click('[data-careloop-language="en"]')]);
    await pause(1500);
    body = await text(agent);
    expect(body.includes('Start process') && body.includes('CareLoop customer follow-up'), 'the switch did not turn Tasklist to English');
    await agent.screenshot({path: outDir + '/tasklist-en.png'});
    await agent.reload({waitUntil: 'networkidle2'});
    await pause(1000);
    expect((await text(agent)).includes('Start process'), 'English is not kept after a reload');
    await agent.waitForSelector('[data-careloop-language="zh-CN"]', {timeout: 90000});
    await Promise.all([agent.waitForNavigation({waitUntil: 'networkidle2'}), agent.click('[data-careloop-language="zh-CN"]')]);
    await pause(1500);
    expect((await text(agent)).includes('发起流程'), 'the switch did not turn Tasklist back to Chinese');

    const cockpit = await session(browser, base, 'demo', 'cockpit');
    body = await text(cockpit);
    expect(body.includes('运行中的流程实例') && body.includes('CareLoop 客户回访系统'), 'Cockpit is not in Chinese');
    await cockpit.screenshot({path: outDir + '/cockpit-zh.png'});
    await cockpit.goto(`${base}/camunda/app/cockpit/default/#/processes`, {waitUntil: 'networkidle2'});
    await pause(2000);
    await cockpit.screenshot({path: outDir + '/cockpit-processes-zh.png'});

    const admin = await session(browser, base, 'demo', 'admin');
    body = await text(admin);
    expect(body.includes('用户列表') && body.includes('管理 Admin'), 'Admin is not in Chinese');
    await admin.screenshot({path: outDir + '/admin-zh.png'});
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error('LOCALES BROWSER CHECK FAILED:\n - ' + failures.join('\n - '));
    process.exit(1);
  }
  console.log('webapps in Chinese: checked; screenshots in ' + outDir);
})().catch(e => { console.error(e); process.exit(1); });
