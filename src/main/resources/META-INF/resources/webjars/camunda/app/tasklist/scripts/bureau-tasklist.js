/*
 * Tasklist as the bureau's staff read it (Tasklist 7.24), beside bureau-forms.js:
 *
 * 1. People by name and post. A user's first name holds the full name and the last name the post
 *    (cn.minzheng.bureau.access.StaffNames); Tasklist would write "李建国 岳村乡审核人", and user ids in a
 *    task's history. Every user Tasklist reads is shown as "李建国（岳村乡审核人）", and the history and
 *    comments name people instead of ids.
 * 2. The search box finds a case. Tasklist matches the text typed against task names only; here the same
 *    text also matches the variables the current filter shows on its cards (申请人, 案件编号, 乡镇 …) and
 *    the business key (the case number), as one "any of" criterion beside the user's other criteria.
 * 3. The priority means something: an escalated task (above the default 50) reads 加急, the others
 *    show nothing instead of "50".
 * 4. A refused claim (a colleague claimed the task a moment earlier) reads the task again: the pane shows who
 *    has it, where Tasklist kept offering 认领 until the page was reloaded.
 * 5. A login that ended while a start form stood open is explained on the login page.
 * 6. Only what the user may do is offered. Whoever a task is offered to claims, returns and completes it
 *    (the task permission TASK_WORK); its follow-up and due dates, its groups and its assignee are the
 *    administrator's, and so is 新建任务 (a task of no process). For anyone else the page carries the class
 *    bureau-task-worker, and styles/user-styles.css shows those values without the controls that change them.
 *
 * Loaded by scripts/config.js (customScripts) before Tasklist starts.
 */
const angular = window.angular;

const DEFAULT_PRIORITY = 50;

const LOGIN_ENDED_WITH_START_FORM = '长时间未操作，您的这次提交未保存。请重新登录：发起流程的表单会重新打开，已填写的内容自动恢复，再提交一次即可';

/** Broadcast with the task's id when the engine refuses the user's claim of it. */
const CLAIM_REFUSED = 'bureau:task-claim-refused';

/** "李建国（岳村乡审核人）", or the name alone where no post is stored. */
function staffName(user) {
  const name = (user.firstName || '').trim();
  const post = (user.lastName || '').trim();
  if (!name) {
    return post || user.id;
  }
  return post ? name + '（' + post + '）' : name;
}

function isUser(value) {
  return value && typeof value === 'object' && typeof value.id === 'string'
    && 'firstName' in value && 'lastName' in value && 'email' in value;
}

/** Users anywhere in a response (lists, profiles, users embedded in HAL tasks) written as one name. */
function renameUsers(value) {
  if (Array.isArray(value)) {
    value.forEach(renameUsers);
  } else if (isUser(value)) {
    value.firstName = staffName(value);
    value.lastName = '';
  } else if (value && typeof value === 'object') {
    Object.keys(value).forEach(function (key) {
      if (key === '_embedded' || key === 'user' || key === 'assignee' || key === 'owner' || Array.isArray(value[key])) {
        renameUsers(value[key]);
      }
    });
  }
}

angular.module('cam.tasklist').config(['$provide', function ($provide) {

  $provide.decorator('camAPIHttpClient', ['$delegate', '$rootScope', '$q', function (HttpClient, $rootScope, $q) {
    const get = HttpClient.prototype.get;
    const post = HttpClient.prototype.post;
    const names = {};
    const cardVariables = {};

    /** Display names of these user ids, looked up once each; then the callback. */
    function withNames(client, ids, callback) {
      const unknown = ids.filter(function (id, i) {
        return id && !(id in names) && ids.indexOf(id) === i;
      });
      if (!unknown.length) {
        callback();
        return;
      }
      get.call(client, 'user', {
        data: { idIn: unknown.join(','), maxResults: unknown.length },
        done: function (err, users) {
          (users || []).forEach(function (user) {
            names[user.id] = staffName(user);
          });
          unknown.forEach(function (id) {
            names[id] = names[id] || id;
          });
          callback();
        }
      });
    }

    function nameOf(id) {
      return id && names[id] ? names[id] : id;
    }

    /** The task's history: who did it, and the assignee or owner set, by name. */
    function historyByName(client, entries, done) {
      const ids = [];
      entries.forEach(function (entry) {
        ids.push(entry.userId);
        if (entry.property === 'assignee' || entry.property === 'owner') {
          ids.push(entry.orgValue, entry.newValue);
        }
      });
      withNames(client, ids, function () {
        entries.forEach(function (entry) {
          entry.userId = nameOf(entry.userId);
          if (entry.property === 'assignee' || entry.property === 'owner') {
            entry.orgValue = nameOf(entry.orgValue);
            entry.newValue = nameOf(entry.newValue);
          }
        });
        done();
      });
    }

    /** The filters as loaded: which variables each shows on its cards. */
    function rememberCards(filters) {
      (Array.isArray(filters) ? filters : [filters]).forEach(function (filter) {
        if (filter && filter.id) {
          const variables = (filter.properties && filter.properties.variables) || [];
          cardVariables[filter.id] = variables.map(function (v) { return v.name; });
        }
      });
    }

    /**
     * A task-name search (Tasklist's default for text typed into the search box) widened to
     * "task name, business key or any card variable contains the text".
     */
    function widenNameSearch(filterId, query) {
      if (!query || typeof query.nameLike !== 'string') {
        return query;
      }
      const text = query.nameLike;
      const variables = (cardVariables[filterId] || []).map(function (name) {
        return { name: name, operator: 'like', value: text };
      });
      const anyOf = {
        nameLike: text,
        processInstanceBusinessKeyLike: text,
        processVariables: variables,
        taskVariables: variables,
        variableValuesIgnoreCase: true
      };
      const widened = angular.extend({}, query);
      delete widened.nameLike;
      widened.orQueries = (query.orQueries || []).concat([anyOf]);
      return widened;
    }

    /**
     * Runs {@code transform(result, next)} on a response before the caller sees it, whether the caller
     * passed a callback (done) or uses the returned promise; each response is transformed once.
     */
    function intercept(client, method, path, options, transform) {
      const transformed = new WeakSet();
      function once(result, next) {
        if (!result || typeof result !== 'object' || transformed.has(result)) {
          next();
          return;
        }
        transformed.add(result);
        transform(result, next);
      }
      const done = options && options.done;
      if (typeof done === 'function') {
        options.done = function (err, result) {
          if (err) {
            return done(err, result);
          }
          let synchronous = true;
          once(result, function () {
            if (synchronous) {
              done(err, result);
            } else {
              $rootScope.$applyAsync(function () { done(err, result); });
            }
          });
          synchronous = false;
        };
      }
      return method.call(client, path, options).then(function (result) {
        return $q(function (resolve) {
          once(result, function () { resolve(result); });
        });
      });
    }

    function renamed(result, next) {
      renameUsers(result);
      next();
    }

    HttpClient.prototype.get = function (path, options) {
      const client = this;
      if (typeof path !== 'string') {
        return get.call(this, path, options);
      }
      if (/^history\/user-operation(\?|$)/.test(path) || /^task\/[^/?]+\/comment(\?|$)/.test(path)) {
        return intercept(client, get, path, options, function (result, next) {
          if (!Array.isArray(result)) {
            next();
            return;
          }
          historyByName(client, result, next);
        });
      }
      if (/^filter(\/[^/?]+)?(\?|$)/.test(path)) {
        return intercept(client, get, path, options, function (result, next) {
          rememberCards(result);
          next();
        });
      }
      if (/^(user|task)(\/|\?|$)/.test(path)) {
        return intercept(client, get, path, options, renamed);
      }
      return get.call(this, path, options);
    };

    HttpClient.prototype.post = function (path, options) {
      const claim = typeof path === 'string' && path.match(/^task\/([^/?]+)\/claim$/);
      if (claim && options && typeof options.done === 'function') {
        const done = options.done;
        options.done = function (err) {
          const answer = done.apply(this, arguments);
          if (err) {
            $rootScope.$applyAsync(function () { $rootScope.$broadcast(CLAIM_REFUSED, claim[1]); });
          }
          return answer;
        };
        return post.call(this, path, options);
      }
      const list = typeof path === 'string' && path.match(/^filter\/([^/?]+)\/(list|count)(\?|$)/);
      if (!list || !options) {
        return post.call(this, path, options);
      }
      options.data = widenNameSearch(list[1], options.data);
      return intercept(this, post, path, options, renamed);
    };

    return HttpClient;
  }]);

  // a refused claim (a colleague claimed the task first): the task is read again, so the pane shows who has it
  // instead of offering 认领 until the page is reloaded
  $provide.decorator('camTasklistTaskMetaDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = function () {
      return function (scope) {
        link.apply(this, arguments);
        scope.$on(CLAIM_REFUSED, function (event, taskId) {
          if (scope.task && scope.task.id === taskId) {
            scope.submitInProgress = false;
            scope.taskData.changed('task');
            scope.taskData.changed('taskList');
          }
        });
      };
    };
    return $delegate;
  }]);

  $provide.decorator('camTasksDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    directive.template = directive.template.replace('{{ task.priority }}',
      '<span ng-if="task.priority > ' + DEFAULT_PRIORITY + '" class="label label-danger bureau-urgent">加急</span>');
    return $delegate;
  }]);
}]);

angular.module('cam.tasklist').run(['$rootScope', '$timeout', 'Notifications', function ($rootScope, $timeout, Notifications) {
  // the login ended while a start form stood open: its refusal was shown in the dialog, which the login page
  // replaces, so the login page says why (a task form's refusal is shown there by Tasklist itself)
  $rootScope.$on('authentication.login.required', function () {
    if (!document.querySelector('.modal .fjs-form')) {
      return;
    }
    // once the dialog has gone: a notification given while it is there goes into the dialog's own panel
    (function whenTheDialogHasGone(tries) {
      if (document.querySelector('.modal') && tries > 0) {
        $timeout(function () { whenTheDialogHasGone(tries - 1); }, 100);
        return;
      }
      // once, however many requests the ended login refused
      Notifications.addError({ status: '登录已超时', message: LOGIN_ENDED_WITH_START_FORM, exclusive: ['message'] });
    }(50));
  });

  // the administrator is whoever may open Camunda Admin; an engine refusal still answers anyone else who tries
  $rootScope.$watch('authentication', function (authentication) {
    const worker = !!(authentication && authentication.name)
      && (authentication.authorizedApps || []).indexOf('admin') < 0;
    document.body.classList.toggle('bureau-task-worker', worker);
  });
}]);
