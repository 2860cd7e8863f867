// CareLoop: Camunda Forms in Tasklist (form-js 1.8.7) in Chinese. form-js 1.8.7 has no translations: its
// validation messages are fixed English strings, and its date picker takes the date format of the browser's
// default locale (mm/dd/yyyy in an English browser). When Tasklist shows Chinese this module
//  - makes the browser's default date locale zh-CN for Intl.DateTimeFormat (yyyy/mm/dd in the date pickers, as in
//    a browser set to Chinese), and
//  - shows the validation messages under a field, and form-js's few own words (the "Select" placeholder, "Search",
//    "Add new" of a dynamic list, "No results"), in Chinese, replacing form-js's English text as it appears.
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.+)\.$/, m => `须符合格式 ${m[1]}。`],
  [/^Field must have minimum value of (.+)\.$/, m => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, m => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, m => `至少需要 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, m => `最多允许 ${m[1]} 个字符。`],
  [/^Field must be a valid +international phone number\..*$/, () => '请输入国际格式的电话号码（例如 +8613800138000）。'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => `最多允许 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    m => `请输入有效值，最接近的两个有效值为 ${m[1]} 和 ${m[2]}。`],
  [/^Date and time must both be entered\.$/, () => '请同时填写日期和时间。']
];

/** The Chinese text of a form-js validation message, or null when it is not one. */
export function chineseFormMessage(text) {
  const trimmed = (text || '').trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) return chinese(match);
  }
  return null;
}

// form-js's own words around the fields (select placeholder, search box, dynamic list button, empty lists)
const TEXTS = {
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Add new': '新增',
  'Remove tag': '移除'
};

// the date picker's calendar (flatpickr inside form-js, English only): month and weekday names
const CALENDAR_TEXTS = Object.fromEntries([
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
    'December'].map((month, i) => [month, `${i + 1}月`]),
  ...['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].map((day, i) => [day, '日一二三四五六'[i]])
]);

/** The Chinese text of form-js's own English in a form (a validation message or a fixed word), or null. */
export function chineseFormText(text) {
  const trimmed = (text || '').trim();
  return TEXTS[trimmed] || chineseFormMessage(trimmed);
}

function translateNode(node) {
  const inCalendar = node.parentElement && node.parentElement.closest('.flatpickr-calendar');
  const chinese = inCalendar ? CALENDAR_TEXTS[node.data.trim()] : chineseFormText(node.data);
  if (chinese) {
    const [, before, , after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.data);
    const replaced = before + chinese + after;
    if (node.data !== replaced) node.data = replaced;
  }
}

function translateForms(root) {
  root.querySelectorAll('.fjs-form').forEach(form => {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) translateNode(node);
    form.querySelectorAll('[placeholder], [title]').forEach(element => {
      ['placeholder', 'title'].forEach(attribute => {
        const chinese = element.hasAttribute(attribute) && TEXTS[element.getAttribute(attribute)];
        if (chinese) element.setAttribute(attribute, chinese);
      });
    });
  });
}

function chineseDefaultDateLocale() {
  const Original = Intl.DateTimeFormat;
  if (Original.careLoopChinese) return;
  const Patched = function DateTimeFormat(locales, options) {
    const chosen = locales === undefined || locales === 'default' ? 'zh-CN' : locales;
    return new Original(chosen, options);
  };
  Patched.prototype = Original.prototype;
  Patched.supportedLocalesOf = Original.supportedLocalesOf.bind(Original);
  Patched.careLoopChinese = true;
  Intl.DateTimeFormat = Patched;
}

/** Called by Tasklist's config.js with the language Tasklist shows. */
export function chineseForms(language) {
  if (language !== 'zh-CN') return;
  chineseDefaultDateLocale();
  const start = () => {
    translateForms(document.body);
    new MutationObserver(() => translateForms(document.body))
      .observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true,
        attributeFilter: ['placeholder', 'title']});
  };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
}
