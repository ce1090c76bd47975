/*
 * Camunda Forms in Tasklist as the bureau's clerks need them (Tasklist 7.24 with its form-js):
 *
 * 1. 启动 / 完成 stay usable with lists. form-js records an empty error entry for every field inside a
 *    dynamic list (家庭成员 …) once it is changed, valid or not, and Tasklist disables the button while
 *    any entry exists. The form's validity is taken from the errors the form actually shows; form-js
 *    validates everything again when the button is pressed, and the server validates the submission.
 * 2. Chinese everywhere: form-js writes its own texts in English ("Field is required.", "Select",
 *    "Add new"); they are replaced as they appear, a pattern error names what the field expects.
 * 3. Nothing typed is lost silently: Esc and a click beside the dialog no longer close it, and 关闭 asks
 *    first when the form has been filled in (or holds what Tasklist kept when the login ended), and then
 *    throws that away for good; what Tasklist kept of a start form goes back into that process's form only.
 * 4. A refusal of the server is shown beside the button just pressed, not only at the top of the dialog.
 *
 * Loaded by scripts/config.js (customScripts) before Tasklist starts.
 */
const angular = window.angular;

angular.module('cam.tasklist').config(['$provide', '$uibModalProvider', function ($provide, $uibModalProvider) {
  $uibModalProvider.options.backdrop = 'static';
  $uibModalProvider.options.keyboard = false;

  $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', '$timeout', function ($delegate, $timeout) {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = function () {
      return function (scope, element, attrs, form) {
        const notifyFormValidated = form.notifyFormValidated;
        form.notifyFormValidated = function (invalid) {
          if (!invalid) {
            notifyFormValidated.call(form, false);
            return;
          }
          // form-js renders after it reports: count the errors once they are on the page
          $timeout(function () {
            notifyFormValidated.call(form, shownErrors(element[0]) > 0);
          }, 0);
        };
        return link.apply(this, arguments);
      };
    };
    return $delegate;
  }]);
}]);

function shownErrors(container) {
  return Array.from(container.querySelectorAll('.fjs-form-field-error li'))
    .filter(function (item) { return item.textContent.trim() !== ''; }).length;
}

const TEXTS = [
  [/^Field is required\.$/, function () { return '此项必填。'; }],
  [/^Field must have minimum value of (.+)\.$/, function (m) { return '不能小于 ' + m[1] + '。'; }],
  [/^Field must have maximum value of (.+)\.$/, function (m) { return '不能大于 ' + m[1] + '。'; }],
  [/^Field must have minimum length of (.+)\.$/, function (m) { return '至少 ' + m[1] + ' 个字。'; }],
  [/^Field must have maximum length of (.+)\.$/, function (m) { return '不能超过 ' + m[1] + ' 个字。'; }],
  [/^Field must be a valid  ?international phone number.*$/, function () { return '请填写有效的电话号码。'; }],
  [/^Field must be a valid email\.?$/, function () { return '请填写有效的电子邮箱。'; }],
  [/^Value is not a number\.?$/, function () { return '请填写数字。'; }],
  [/^Value is expected to be an integer\.?$/, function () { return '请填写整数。'; }],
  [/^Value is expected to be divisible by (.+)\.$/, function (m) { return '须为 ' + m[1] + ' 的整数倍。'; }],
  [/^Select$/, function () { return '请选择'; }],
  [/^Search$/, function () { return '搜索'; }],
  [/^Add new$/, function () { return '添加一行'; }],
  [/^Expand all \((\d+)\)$/, function (m) { return '全部展开（' + m[1] + '）'; }],
  [/^Collapse$/, function () { return '收起'; }],
  [/^No results$/, function () { return '无匹配项'; }],
  [/^Date$/, function () { return '日期'; }],
  [/^Time$/, function () { return '时间'; }]
];

function patternMessage(item) {
  const field = item.closest('.fjs-form-field');
  const description = field && field.querySelector('.fjs-form-field-description');
  const label = field && field.querySelector('.fjs-form-field-label');
  const name = label ? label.childNodes[0].textContent.trim() : '此项';
  return name + '格式不正确' + (description ? '：' + description.textContent.trim() : '') + '。';
}

function translate(node) {
  const text = node.nodeValue.trim();
  if (!text) {
    return;
  }
  if (/^Field must match pattern /.test(text)) {
    node.nodeValue = patternMessage(node.parentElement);
    return;
  }
  for (const [pattern, replacement] of TEXTS) {
    const match = text.match(pattern);
    if (match) {
      node.nodeValue = node.nodeValue.replace(text, replacement(match));
      return;
    }
  }
}

function translateWithin(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && node.parentElement.closest('.fjs-container')) {
      translate(node);
    }
  }
  root.querySelectorAll && root.querySelectorAll('.fjs-container [placeholder]').forEach(function (input) {
    if (input.getAttribute('placeholder') === 'Search') {
      input.setAttribute('placeholder', '搜索');
    } else if (input.getAttribute('placeholder') === 'Select') {
      input.setAttribute('placeholder', '请选择');
    } else if (input.getAttribute('placeholder') === 'mm/dd/yyyy') {
      // form-js shows and reads a date as month/day/year; the placeholder says so in Chinese
      input.setAttribute('placeholder', '月/日/年，或点击选择');
    }
  });
  root.querySelectorAll && root.querySelectorAll('.fjs-container [aria-label^="Remove"]').forEach(function (button) {
    button.setAttribute('aria-label', '删除此行');
    button.setAttribute('title', '删除此行');
  });
}

/*
 * The server's refusal: Tasklist 7.24 lists a 4xx answer to a form submission with an empty message, at
 * the top of the dialog. The answer's message is read here and shown in that alert and above the buttons.
 */
let lastRefusal = null;
const openRequest = XMLHttpRequest.prototype.open;
const sendRequest = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.bureauSubmission = /\/(submit-form|complete)(\?|$)/.test(String(url));
  return openRequest.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.bureauSubmission) {
    const request = this;
    request.addEventListener('load', function () {
      lastRefusal = null;
      if (request.status >= 400) {
        try {
          lastRefusal = JSON.parse(request.responseText).message || null;
        } catch (notJson) {
          lastRefusal = null;
        }
      }
      scheduleRefusalCheck();
    });
  }
  return sendRequest.apply(this, arguments);
};

function fillEmptyMessages() {
  if (!lastRefusal) {
    return;
  }
  document.querySelectorAll('.alert-danger .message').forEach(function (message) {
    if (message.textContent.trim() === '') {
      message.textContent = lastRefusal;
      message.closest('.alert').scrollIntoView({ block: 'nearest' });
    }
  });
}

function alertText(alert) {
  const copy = alert.cloneNode(true);
  copy.querySelectorAll('button, .sr-only').forEach(function (hidden) { hidden.remove(); });
  return copy.textContent.replace(/\s+/g, ' ').trim();
}

function showRefusalBesideButtons() {
  fillEmptyMessages();
  document.querySelectorAll('.modal').forEach(function (modal) {
    const footer = modal.querySelector('.modal-footer');
    const alerts = Array.from(modal.querySelectorAll('.alert-danger, .alert-error'))
      .filter(function (alert) {
        return !alert.classList.contains('bureau-refusal') && alert.offsetParent !== null && alertText(alert) !== '';
      });
    let beside = footer && footer.querySelector('.bureau-refusal');
    if (!footer || alerts.length === 0) {
      if (beside) {
        beside.remove();
      }
      return;
    }
    if (!beside) {
      beside = document.createElement('div');
      beside.className = 'alert alert-danger bureau-refusal';
      beside.setAttribute('role', 'alert');
      footer.insertBefore(beside, footer.firstChild);
    }
    const text = alertText(alerts[alerts.length - 1]);
    if (beside.textContent !== text) {
      beside.textContent = text;
      beside.scrollIntoView({ block: 'nearest' });
    }
  });
}

let refusalCheck = null;
function scheduleRefusalCheck() {
  if (refusalCheck === null) {
    refusalCheck = setTimeout(function () {
      refusalCheck = null;
      showRefusalBesideButtons();
    }, 50);
  }
}

new MutationObserver(function (mutations) {
  for (const mutation of mutations) {
    const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
    if (target && target.closest && target.closest('.modal') && !target.closest('.bureau-refusal')) {
      scheduleRefusalCheck();
    }
    if (mutation.type === 'characterData') {
      if (mutation.target.parentElement && mutation.target.parentElement.closest('.fjs-container')) {
        translate(mutation.target);
      }
      continue;
    }
    mutation.addedNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.parentElement && node.parentElement.closest('.fjs-container')) {
          translate(node);
        }
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        translateWithin(node);
      }
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

/* 关闭 on a dialog whose form has been filled in asks before it throws the input away. */
const touched = new WeakSet();
['input', 'change'].forEach(function (type) {
  document.addEventListener(type, function (event) {
    const modal = event.target.closest && event.target.closest('.modal');
    if (modal && event.target.closest('.fjs-form')) {
      touched.add(modal);
    }
  }, true);
});
/*
 * Tasklist keeps a start form's input when the login ends, in one entry of the browser's storage for every start
 * form ('camunda-form:undefined'), and puts it back into the next start form opened, of whichever process, until a
 * start succeeds: a 临时救助 application would open with a 低保 applicant's members and bank account. Here the
 * entry is given back only to the start form of the process it was kept from, and for a day; 关闭 throws it away,
 * as it says.
 */
const START_FORM_DRAFT = 'camunda-form:undefined';
const START_FORM_DRAFT_ORIGIN = 'bureau-start-form-draft';
const START_FORM_DRAFT_KEPT_MS = 24 * 60 * 60 * 1000;

/** The key of the process whose start form the page shows (Tasklist's ?processStart=), or ''. */
function processStarting() {
  const found = /[?&]processStart=([^&]*)/.exec(window.location.hash);
  return found ? decodeURIComponent(found[1]) : '';
}

(function keepStartFormDraftsToTheirProcess() {
  const setItem = Storage.prototype.setItem;
  const getItem = Storage.prototype.getItem;
  const removeItem = Storage.prototype.removeItem;
  Storage.prototype.setItem = function (key, value) {
    if (this === window.localStorage && key === START_FORM_DRAFT) {
      setItem.call(this, START_FORM_DRAFT_ORIGIN, JSON.stringify({ process: processStarting(), at: Date.now() }));
    }
    return setItem.call(this, key, value);
  };
  Storage.prototype.getItem = function (key) {
    if (this === window.localStorage && key === START_FORM_DRAFT) {
      let origin = null;
      try {
        origin = JSON.parse(getItem.call(this, START_FORM_DRAFT_ORIGIN));
      } catch (unreadable) {
        origin = null;
      }
      if (!origin || origin.process !== processStarting() || Date.now() - origin.at > START_FORM_DRAFT_KEPT_MS) {
        return null;
      }
    }
    return getItem.call(this, key);
  };
  Storage.prototype.removeItem = function (key) {
    if (this === window.localStorage && key === START_FORM_DRAFT) {
      removeItem.call(this, START_FORM_DRAFT_ORIGIN);
    }
    return removeItem.call(this, key);
  };
}());
document.addEventListener('click', function (event) {
  const button = event.target.closest && event.target.closest('.modal button[ng-click="$dismiss()"], .modal button.close');
  if (!button) {
    return;
  }
  const modal = button.closest('.modal');
  // what Tasklist kept of this process's start form (another process's is not this dialog's to throw away)
  const kept = !!modal.querySelector('.fjs-form') && localStorage.getItem(START_FORM_DRAFT) !== null;
  if ((touched.has(modal) || kept) && !window.confirm('表单中已填写的内容尚未提交，关闭后将丢失。确定关闭吗？')) {
    event.preventDefault();
    event.stopImmediatePropagation();
    return;
  }
  if (kept) {
    localStorage.removeItem(START_FORM_DRAFT);
  }
}, true);

export default [];
