'use strict';

// Punchcard is self-hosted, so the server's address is part of the connection: actions call
// z.request({url: '/v1/...'}) and this middleware points them at the connected server.
const baseUrl = (bundle) =>
  String(bundle.authData.base_url || '')
    .trim()
    .replace(/\/+$/, '');

const addAuth = (request, z, bundle) => {
  if (request.url.startsWith('/')) {
    request.url = baseUrl(bundle) + request.url;
  }
  request.headers = {
    ...request.headers,
    Accept: 'application/json',
    Authorization: `Bearer ${bundle.authData.api_key}`,
  };
  return request;
};

// Punchcard errors are problem+json with a stable `code`; a Zap's user should read the
// sentence ("Voucher ... was already redeemed"), not a dump of the HTTP response.
const problemMessage = (problem) => {
  const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message}`);
  return [problem.detail || problem.title, ...fields].join(' ');
};

const throwForProblem = (z, response) => {
  const problem = response.data;
  if (problem && typeof problem === 'object' && problem.code) {
    throw new z.errors.Error(problemMessage(problem), problem.code, response.status);
  }
  response.throwForStatus(); // not a problem document (a proxy's HTML page, ...)
};

const handleProblems = (response, z) => {
  // Callers that pass skipThrowForStatus handle some statuses themselves (a 404 in a search
  // means "nothing found") and call throwForProblem for the rest.
  if (response.status >= 400 && !response.skipThrowForStatus) {
    throwForProblem(z, response);
  }
  return response;
};

module.exports = { befores: [addAuth], afters: [handleProblems], throwForProblem };
