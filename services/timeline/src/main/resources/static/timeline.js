// The timeline page's script: reads GET /api/referrals/{id}/timeline with the page's
// sign-in session (same origin, so fetch sends the session cookie). It only reads, so it
// needs no CSRF token.
const form = document.getElementById('lookup');
const result = document.getElementById('result');

function cell(row, text, header) {
	const el = document.createElement(header ? 'th' : 'td');
	if (header) { el.scope = 'row'; }
	el.textContent = text;
	row.appendChild(el);
}

async function show(id) {
	result.textContent = 'Loading…';
	const response = await fetch('/api/referrals/' + encodeURIComponent(id) + '/timeline',
		{ headers: { 'Accept': 'application/json' } });
	const body = await response.json().catch(() => ({}));
	result.replaceChildren();
	if (response.status === 401) {
		// The sign-in session ended; loading the page again goes through sign-in.
		result.textContent = 'Your session has ended: reload the page to sign in again.';
		return;
	}
	if (!response.ok) {
		const p = document.createElement('p');
		p.className = 'error';
		p.textContent = body.detail || ('The timeline could not be loaded (' + response.status + ').');
		result.appendChild(p);
		return;
	}
	const status = document.createElement('p');
	status.className = 'status';
	status.textContent = 'Referral ' + body.referralId + ': ' + (body.status || 'no status yet')
		+ (body.fhirStatus ? ' (FHIR Task status: ' + body.fhirStatus + ')' : '');
	result.appendChild(status);
	const table = document.createElement('table');
	const caption = table.createCaption();
	caption.textContent = 'What happened, oldest first';
	const head = table.createTHead().insertRow();
	['When', 'Event', 'What happened', 'Source'].forEach(text => {
		const th = document.createElement('th');
		th.scope = 'col';
		th.textContent = text;
		head.appendChild(th);
	});
	const rows = table.createTBody();
	body.entries.forEach(entry => {
		const row = rows.insertRow();
		cell(row, new Date(entry.at).toLocaleString(), true);
		cell(row, entry.type);
		cell(row, entry.summary);
		cell(row, entry.source || '');
	});
	result.appendChild(table);
}

form.addEventListener('submit', event => {
	event.preventDefault();
	const id = document.getElementById('referral-id').value.trim();
	if (id) {
		history.replaceState(null, '', '?id=' + encodeURIComponent(id));
		show(id).catch(() => { result.textContent = 'The timeline service could not be reached.'; });
	}
});

const initial = new URLSearchParams(location.search).get('id');
if (initial) {
	document.getElementById('referral-id').value = initial;
	show(initial).catch(() => { result.textContent = 'The timeline service could not be reached.'; });
}
