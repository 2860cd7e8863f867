// CareLoop: after an agent submits a call (the callCustomer form of Task_CallCustomer), Tasklist 7.24 closes the form
// and says nothing more — the completed task cannot be opened again, so its comment (History tab) is out of reach, and
// agents do not read process-instance history. This module shows the agent, right after the submit, the numbers of
// the feedback items the call created ("已创建反馈单 Feedback created: FB…, FB…"), to tell the customer.
//  - It watches Tasklist's own requests (XMLHttpRequest): GET …/task/{id}/form-variables tells which task is a call
//    (its variable followUpNumber; the form's dial link "dial.html?followUp=…" as a fallback), and a successful
//    POST …/task/{id}/submit-form says that call was recorded.
//  - It then reads GET /api/follow-ups/{number} (the session is enough for a GET; agents may read it): feedbackNumbers.
//    The items are created in the transaction that completes the task, so they are there when the submit returns;
//    it still asks again briefly (until the follow-up shows the new attempt) in case a slower path records them later.
//  - The notice stays until the agent closes it; a call without feedback shows nothing.
const TASK_REQUEST = /\/task\/([^/?#]+)\/(form-variables|submit-form)(?:[?#]|$)/;
const DIAL_LINK = 'a[href*="dial.html?followUp="]';
const NOTICE_ID = 'careloop-call-notice';

/** The task id and kind of a Tasklist request about a task's form, or null. */
export function taskRequest(method, url) {
  const match = TASK_REQUEST.exec(url || '');
  if (!match) return null;
  const kind = match[2];
  if ((kind === 'submit-form') !== (String(method).toUpperCase() === 'POST')) return null;
  return {taskId: decodeURIComponent(match[1]), kind};
}

/** The follow-up number in a form-variables answer ({followUpNumber: {value}}), or null. */
export function followUpNumberOf(formVariables) {
  const variable = formVariables && formVariables.followUpNumber;
  return variable && typeof variable.value === 'string' && variable.value ? variable.value : null;
}

/** The follow-up number of the dial link in the open call form, or null. */
function followUpNumberOnPage() {
  const link = document.querySelector(DIAL_LINK);
  if (!link) return null;
  return new URL(link.getAttribute('href'), location.href).searchParams.get('followUp');
}

/** The numbers to show once the follow-up has recorded the call: null while it has not (ask again). */
export function createdNumbers(view, attemptsBefore) {
  if (!view || (attemptsBefore != null && view.attemptCount <= attemptsBefore)) return null;
  const attempts = view.attempts || [];
  const last = attempts[attempts.length - 1];
  return last && last.outcome === 'REACHED' ? (view.feedbackNumbers || []) : [];
}

async function followUp(number) {
  const answer = await fetch('/api/follow-ups/' + encodeURIComponent(number),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  return answer.ok ? answer.json() : null;
}

const wait = ms => new Promise(resolve => setTimeout(resolve, ms));

function style(element, css) {
  Object.assign(element.style, css);
  return element;
}

/** Shows (or replaces) the notice naming the created feedback items. */
export function showNotice(followUpNumber, numbers) {
  const old = document.getElementById(NOTICE_ID);
  if (old) old.remove();
  const notice = style(document.createElement('div'), {
    position: 'fixed', top: '64px', right: '24px', zIndex: '2000', maxWidth: '460px', padding: '14px 18px',
    background: '#e9f6ec', color: '#14532d', border: '1px solid #8fd19e', borderRadius: '6px',
    boxShadow: '0 2px 8px rgba(0,0,0,.18)', fontSize: '15px', lineHeight: '1.5'
  });
  notice.id = NOTICE_ID;
  notice.setAttribute('role', 'status');
  notice.setAttribute('aria-live', 'polite');
  const title = document.createElement('strong');
  title.textContent = '已创建反馈单 Feedback created: ';
  const list = document.createElement('span');
  list.className = 'careloop-feedback-numbers';
  list.textContent = numbers.join(', ');
  const hint = style(document.createElement('div'), {fontSize: '13px', color: '#3f6212', marginTop: '4px'});
  hint.textContent = '回访 Follow-up ' + followUpNumber + ' · 请告知客户反馈单号 Tell the customer these numbers';
  const close = style(document.createElement('button'), {marginTop: '8px'});
  close.type = 'button';
  close.className = 'btn btn-default btn-sm';
  close.textContent = '关闭 Close';
  close.addEventListener('click', () => notice.remove());
  notice.append(title, list, hint, close);
  document.body.appendChild(notice);
}

/** Installs the watch on Tasklist's requests; called once by Tasklist's config.js. */
export function feedbackNumbersNotice({tries = 8, interval = 750} = {}) {
  const proto = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!proto || proto.careLoopCallNotice) return;
  proto.careLoopCallNotice = true;
  const calls = new Map(); // task id → {number, attemptsBefore}

  // attemptsBefore: the follow-up's attempts when the form opened, to know when the submit has been recorded
  const remember = (taskId, number, countAttempts) => {
    if (!number) return;
    const call = {number, attemptsBefore: null};
    calls.set(taskId, call);
    if (countAttempts) followUp(number).then(view => { if (view) call.attemptsBefore = view.attemptCount; }).catch(() => {});
  };

  const recorded = async taskId => {
    const call = calls.get(taskId);
    calls.delete(taskId);
    if (!call) return;
    for (let i = 0; i < tries; i++) {
      const numbers = createdNumbers(await followUp(call.number).catch(() => null), call.attemptsBefore);
      if (numbers) {
        if (numbers.length) showNotice(call.number, numbers);
        return;
      }
      await wait(interval);
    }
  };

  const open = proto.open;
  const send = proto.send;
  proto.open = function (method, url) {
    this.careLoopTask = taskRequest(method, url);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    const request = this.careLoopTask;
    if (request) {
      if (request.kind === 'submit-form' && !calls.has(request.taskId)) remember(request.taskId, followUpNumberOnPage(), false);
      this.addEventListener('loadend', () => {
        if (this.status < 200 || this.status >= 300) return;
        if (request.kind === 'submit-form') {
          recorded(request.taskId);
        } else {
          try {
            remember(request.taskId, followUpNumberOf(JSON.parse(this.responseText)), true);
          } catch (e) { /* not JSON: not a call */ }
        }
      });
    }
    return send.apply(this, arguments);
  };
}
