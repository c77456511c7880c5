// Why is this referral stuck? Renders GET api/referrals/{id}/inspection and offers its two fixes.
// Every value goes in through textContent: nothing from the API is parsed as HTML.
(function () {
  'use strict';

  const POLL_MS = 2000;
  const MAX_POLLS = 45;
  const CSRF_COOKIE = 'XSRF-TOKEN-WORKFLOW';

  const form = document.getElementById('lookup');
  const input = document.getElementById('referral');
  const message = document.getElementById('message');
  const content = document.getElementById('content');
  const main = document.getElementById('inspection');
  let referralId = new URLSearchParams(window.location.search).get('referral');
  let polling = null;
  let shown = null;

  function api(path) {
    return 'api/referrals/' + encodeURIComponent(referralId) + '/inspection' + (path || '');
  }

  function say(text, kind) {
    message.textContent = '';
    if (!text) {
      return;
    }
    const box = document.createElement('p');
    box.className = kind || 'ok';
    box.textContent = text;
    message.appendChild(box);
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }

  function cell(row, value) {
    const td = document.createElement('td');
    if (value instanceof Node) {
      td.appendChild(value);
    } else {
      td.textContent = (value === null || value === undefined) ? '' : String(value);
    }
    row.appendChild(td);
    return td;
  }

  function fill(tableId, items, toCells, emptyText) {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.textContent = '';
    if (!items.length) {
      const row = document.createElement('tr');
      const td = cell(row, emptyText);
      td.colSpan = document.querySelectorAll('#' + tableId + ' thead th').length;
      td.className = 'none';
      body.appendChild(row);
      return;
    }
    items.forEach(function (item) {
      const row = document.createElement('tr');
      toCells(item).forEach(function (value) { cell(row, value); });
      body.appendChild(row);
    });
  }

  function named(name, id) {
    return name ? name + ' (' + id + ')' : (id || '');
  }

  function button(label, accessibleName, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('aria-label', accessibleName);
    b.addEventListener('click', onClick);
    return b;
  }

  function stackTrace(job) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Stack trace';
    const pre = document.createElement('pre');
    details.append(summary, pre);
    details.addEventListener('toggle', function () {
      if (!details.open || pre.textContent) {
        return;
      }
      pre.textContent = 'Loading…';
      fetch(api('/jobs/' + encodeURIComponent(job.id) + '/stacktrace'), { headers: { Accept: 'text/plain' } })
        .then(function (response) { return response.text(); })
        .then(function (text) { pre.textContent = text; })
        .catch(function () { pre.textContent = 'The stack trace could not be loaded.'; });
    });
    return details;
  }

  function render(view) {
    shown = view;
    document.getElementById('status-referral').textContent = view.referralId;
    document.getElementById('status-state').textContent = view.status.state;
    document.getElementById('status-stage').textContent = view.status.stage || '';
    document.getElementById('status-outcome').textContent = view.status.outcome || '—';
    document.getElementById('status-time').textContent = new Date().toLocaleString();

    const findings = document.getElementById('findings');
    findings.textContent = '';
    (view.findings.length ? view.findings : ['Nothing holds this referral up on the workflow side.'])
      .forEach(function (text) {
        const li = document.createElement('li');
        li.textContent = text;
        findings.appendChild(li);
      });

    fill('processes', view.processInstances, function (p) {
      return [p.id, p.definitionKey + ' v' + p.definitionVersion, p.state, when(p.startedAt), when(p.endedAt),
        p.outcome || ''];
    }, 'No process instance');
    fill('activities', view.currentActivities, function (a) {
      return [a.name || a.activityId, a.activityId, a.type,
        (a.incidentIds.length ? 'incident' : (a.waitingForJob ? 'waiting for its job' : 'active'))];
    }, 'No current activity');
    fill('incidents', view.incidents, function (i) {
      return [named(i.activityName, i.activityId), i.type, i.message, i.jobId || '', when(i.createdAt)];
    }, 'No open incidents');
    fill('jobs', view.failedJobs, function (j) {
      const actions = document.createElement('div');
      if (j.retries === 0) {
        actions.appendChild(button('Retry', 'Retry job ' + j.id, function (event) { retry(j, event.target); }));
      } else {
        actions.textContent = 'The job executor retries it';
      }
      actions.appendChild(stackTrace(j));
      return [named(j.activityName, j.activityId), j.exceptionMessage, j.id, j.retries, actions];
    }, 'No failed jobs');
    fill('tasks', view.openTasks, function (t) {
      return [named(t.name, t.taskKey), t.candidateGroups.join(', '), t.assignee || 'unassigned', when(t.createdAt),
        when(t.dueAt) + (t.overdue ? ' (overdue)' : '')];
    }, 'No open tasks');

    const eventsUnavailable = document.getElementById('events-unavailable');
    eventsUnavailable.hidden = view.events.available;
    eventsUnavailable.textContent = view.events.available ? '' : 'Events unavailable: ' + view.events.unavailableReason;
    fill('events', view.events.entries, function (e) {
      return [when(e.at), e.type, e.summary, e.source];
    }, view.events.available ? 'The timeline has recorded no event of this referral' : 'Events unavailable');

    const lettersUnavailable = document.getElementById('dead-letters-unavailable');
    lettersUnavailable.hidden = view.deadLetters.available;
    lettersUnavailable.textContent = view.deadLetters.available ? ''
      : 'Dead letters unavailable: ' + view.deadLetters.unavailableReason;
    fill('dead-letters', view.deadLetters.letters, function (d) {
      const where = d.deadLetterTopic + ' partition ' + d.partition + ' offset ' + d.offset;
      return [when(d.parkedAt), where, (d.eventType || 'unknown type') + (d.eventId ? ' ' + d.eventId : ''),
        d.originalConsumerGroup || '', d.reason || '',
        button('Replay', 'Replay dead letter ' + where, function (event) { replay(d, event.target); })];
    }, 'No dead letters');

    content.hidden = false;
  }

  function problemText(response) {
    return response.json()
      .then(function (problem) { return (problem.title || response.status) + ': ' + (problem.detail || ''); })
      .catch(function () { return 'The service answered ' + response.status; });
  }

  function load() {
    main.setAttribute('aria-busy', 'true');
    return fetch(api(), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          return problemText(response).then(function (text) {
            content.hidden = true;
            say(text, 'error');
            return null;
          });
        }
        return response.json().then(function (view) {
          render(view);
          return view;
        });
      })
      .catch(function () {
        say('The workflow service could not be reached.', 'error');
        return null;
      })
      .finally(function () { main.setAttribute('aria-busy', 'false'); });
  }

  // Re-renders until done(view) says the fix has shown its effect, or gives up after a while.
  function pollUntil(done, onDone, onGiveUp) {
    if (polling) {
      clearTimeout(polling);
    }
    let polls = 0;
    function next() {
      polling = setTimeout(function () {
        load().then(function (view) {
          polls += 1;
          if (view && done(view)) {
            polling = null;
            onDone(view);
          } else if (polls >= MAX_POLLS) {
            polling = null;
            onGiveUp();
          } else {
            next();
          }
        });
      }, POLL_MS);
    }
    next();
  }

  // The service's CSRF token, which it keeps in a cookie for scripts (the browser session's POSTs need it).
  function csrfToken() {
    const cookie = document.cookie.split('; ').find(function (c) { return c.indexOf(CSRF_COOKIE + '=') === 0; });
    return cookie ? decodeURIComponent(cookie.substring(CSRF_COOKIE.length + 1)) : '';
  }

  function post(path, target, pending) {
    target.disabled = true;
    say(pending, 'notice');
    return fetch(api(path), {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() }
    })
      .then(function (response) {
        if (!response.ok) {
          return problemText(response).then(function (text) {
            target.disabled = false;
            say(text, 'error');
            return false;
          });
        }
        return true;
      })
      .catch(function () {
        target.disabled = false;
        say('The workflow service could not be reached.', 'error');
        return false;
      });
  }

  function retry(job, target) {
    post('/jobs/' + encodeURIComponent(job.id) + '/retry', target,
      'Retry of job ' + job.id + ' requested; waiting for the job executor to run it…')
      .then(function (accepted) {
        if (!accepted) {
          return;
        }
        pollUntil(function (view) {
          const again = view.failedJobs.find(function (j) { return j.id === job.id; });
          return !again || again.retries === 0;
        }, function (view) {
          const again = view.failedJobs.find(function (j) { return j.id === job.id; });
          say(again ? 'Job ' + job.id + ' failed again: ' + again.exceptionMessage
            : 'Job ' + job.id + ' ran. The referral is now at: ' + (view.status.stage || view.status.state) + '.',
          again ? 'error' : 'ok');
        }, function () {
          say('Job ' + job.id + ' has not run yet; use Refresh to look again.', 'notice');
        });
      });
  }

  function replay(letter, target) {
    const where = letter.deadLetterTopic + '/' + letter.partition + '/' + letter.offset;
    post('/dead-letters/' + encodeURIComponent(letter.deadLetterTopic) + '/' + letter.partition + '/'
      + letter.offset + '/replay', target, 'Replaying dead letter ' + where + '…')
      .then(function (accepted) {
        if (!accepted) {
          return;
        }
        const before = shown ? JSON.stringify(shown.status) : '';
        say('Dead letter ' + where + ' was put back on ' + (letter.originalTopic || 'its topic')
          + '; waiting for the referral to move on…', 'notice');
        pollUntil(function (view) { return JSON.stringify(view.status) !== before; }, function (view) {
          say('Dead letter ' + where + ' went through. The referral is now ' + view.status.state
            + (view.status.outcome ? ' (' + view.status.outcome + ')' : '') + ' at: ' + view.status.stage
            + '. The letter stays listed: a dead-letter topic keeps every record.', 'ok');
        }, function () {
          say('Dead letter ' + where + ' was replayed, but the referral has not moved on yet; '
            + 'use Refresh to look again, or check its reason.', 'notice');
        });
      });
  }

  form.addEventListener('submit', function (event) {
    if (!input.checkValidity()) {
      return;
    }
    event.preventDefault();
    referralId = input.value.trim();
    window.history.replaceState(null, '', '?referral=' + encodeURIComponent(referralId));
    say('');
    load();
  });
  document.getElementById('refresh').addEventListener('click', function () {
    say('');
    load();
  });

  if (referralId) {
    input.value = referralId;
    load();
  }
}());
