// CareLoop: Camunda Forms in Tasklist (form-js 1.8.7) in Chinese. form-js 1.8.7 has no translations: its
// validation messages are fixed English strings, and its date picker takes the date format of the browser's
// default locale (mm/dd/yyyy in an English browser). When Tasklist shows Chinese this module
//  - makes the browser's default date locale zh-CN for Intl.DateTimeFormat (yyyy/mm/dd in the date pickers, as in
//    a browser set to Chinese), and
//  - shows the validation messages under a field in Chinese, replacing form-js's English text as it appears.
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

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach(item => {
    const chinese = chineseFormMessage(item.textContent);
    if (chinese && item.textContent !== chinese) item.textContent = chinese;
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
    translateErrors(document.body);
    new MutationObserver(() => translateErrors(document.body))
      .observe(document.body, {childList: true, subtree: true, characterData: true});
  };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
}
