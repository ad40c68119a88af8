'use strict';

// Keeps the Make app definition true to Punchcard's API: every file parses, every reference
// resolves, and every request, body key, query key and output field exists in the OpenAPI
// document of a live server (PUNCHCARD_BASE_URL) or of a saved copy (PUNCHCARD_OPENAPI_FILE).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { before, describe, it } = require('node:test');

const ROOT = path.join(__dirname, '..');
const read = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const manifest = read('makecomapp.json');
const { components } = manifest;
const base = read(manifest.generalCodeFiles.base);
// REST hooks for other webhook endpoints' health: an operator's concern, not a scenario's.
const NOT_OFFERED = ['webhook_endpoint_disabled'];

let openapi;
before(async () => {
  const { PUNCHCARD_OPENAPI_FILE: file, PUNCHCARD_BASE_URL: server } = process.env;
  if (file) {
    openapi = JSON.parse(fs.readFileSync(file, 'utf8'));
  } else if (server) {
    openapi = await (await fetch(`${server}/openapi.json`)).json();
  } else {
    throw new Error('Set PUNCHCARD_BASE_URL (a running server) or PUNCHCARD_OPENAPI_FILE.');
  }
});

// --- OpenAPI lookups -----------------------------------------------------------------------

const resolve = (schema) => {
  if (schema && schema.$ref)
    return resolve(openapi.components.schemas[schema.$ref.split('/').pop()]);
  const variants = schema && (schema.anyOf || schema.oneOf);
  if (variants) return resolve(variants.find((v) => v.type !== 'null')); // Optional[X] is X
  return schema || {};
};

// An IML expression `{{...}}` stands for a path parameter `{...}`; literal segments must match.
const operationFor = (url, method) => {
  const segments = url.split('?')[0].split('/');
  const isTemplate = (s) => /^\{\{.*\}\}$/.test(s);
  const found = Object.entries(openapi.paths).find(([candidate, operations]) => {
    const parts = candidate.split('/');
    return (
      operations[method] &&
      parts.length === segments.length &&
      parts.every((part, i) =>
        part.startsWith('{') ? isTemplate(segments[i]) : part === segments[i],
      )
    );
  });
  assert.ok(found, `${method.toUpperCase()} ${url} is not in Punchcard's API`);
  return found[1][method];
};

const requestSchema = (operation) =>
  resolve(operation.requestBody?.content['application/json'].schema);

const responseSchema = (operation) => {
  const [, ok] = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
  return resolve(ok.content?.['application/json'].schema);
};

// Every key of a Make body (nested objects too) must be a property of the request schema.
const checkKeys = (where, value, schema) => {
  for (const [key, inner] of Object.entries(value)) {
    const property = schema.properties?.[key];
    assert.ok(
      property,
      `${where}: "${key}" is not a field of the API (${Object.keys(schema.properties || {})})`,
    );
    if (inner && typeof inner === 'object') checkKeys(`${where}.${key}`, inner, resolve(property));
  }
};

// Every interface field must be a property of what the API answers, with its nested fields.
const checkInterface = (where, fields, schema) => {
  for (const field of fields) {
    const property = schema.properties?.[field.name];
    assert.ok(property, `${where}: output "${field.name}" is not in the API's answer`);
    const item = field.type === 'array' ? field.spec : field;
    const spec = item && item.type === 'collection' ? item.spec : null;
    if (spec) {
      const nested = resolve(property);
      checkInterface(
        `${where}.${field.name}`,
        spec,
        field.type === 'array' ? resolve(nested.items) : nested,
      );
    }
  }
};

// --- the definition ------------------------------------------------------------------------

const API_PREFIX = new URL(base.baseUrl.replace('{{connection.baseUrl}}', 'http://x')).pathname;

// Requests of a communication file: one object, or a list of conditional ones.
const requests = (file) => [read(file)].flat().filter((request) => request && request.url);

const absolute = (url) =>
  url.startsWith('/') ? API_PREFIX + url : url.replace(/^\{\{[^}]+\}\}/, ''); // connection test

const eachComponent = function* () {
  for (const [type, byId] of Object.entries(components)) {
    for (const [id, component] of Object.entries(byId)) yield { type, id, component };
  }
};

describe('the Make app definition', () => {
  it('has every file it names, as JSON, and no file it does not name', () => {
    const named = new Set([manifest.generalCodeFiles.base]);
    for (const { component } of eachComponent()) {
      for (const file of Object.values(component.codeFiles)) {
        read(file); // throws on a missing file or invalid JSON
        named.add(file);
      }
    }
    const onDisk = fs
      .readdirSync(ROOT, { recursive: true })
      .filter((file) => /\.(iml\.json|imljson)$/.test(file));
    assert.deepEqual(onDisk.sort(), [...named].sort());
  });

  it('links modules, webhooks and RPCs to components that exist', () => {
    for (const { type, id, component } of eachComponent()) {
      if (component.connection)
        assert.ok(components.connection[component.connection], `${type} ${id}`);
      if (component.webhook) assert.ok(components.webhook[component.webhook], `${type} ${id}`);
    }
    for (const { component } of eachComponent()) {
      for (const file of Object.values(component.codeFiles)) {
        for (const [, rpc] of JSON.stringify(read(file)).matchAll(/rpc:\/\/(\w+)/g)) {
          assert.ok(components.rpc[rpc], `${file} uses a missing RPC ${rpc}`);
        }
      }
    }
  });

  it('calls only API operations that exist, with fields they accept', () => {
    for (const { type, id, component } of eachComponent()) {
      for (const code of ['communication', 'attach', 'detach']) {
        if (!component.codeFiles[code]) continue;
        for (const request of requests(component.codeFiles[code])) {
          const where = `${type} ${id} (${code})`;
          const operation = operationFor(
            absolute(request.url),
            (request.method || 'GET').toLowerCase(),
          );
          if (request.body) checkKeys(where, request.body, requestSchema(operation));
          const query = (operation.parameters || [])
            .filter((p) => p.in === 'query')
            .map((p) => p.name);
          for (const key of Object.keys(request.qs || {})) {
            assert.ok(query.includes(key), `${where}: query "${key}" is not one of ${query}`);
          }
        }
      }
    }
  });

  it("outputs only fields of the API's answers", () => {
    for (const [id, module] of Object.entries(components.module)) {
      if (!module.codeFiles.communication) continue;
      const fields = read(module.codeFiles.interface);
      for (const request of requests(module.codeFiles.communication)) {
        const method = (request.method || 'GET').toLowerCase();
        let schema = responseSchema(operationFor(absolute(request.url), method));
        if (request.response.iterate) schema = resolve(resolve(schema.properties.data).items);
        checkInterface(`module ${id}`, fields, schema);
      }
    }
  });

  it('offers every event type a REST hook can subscribe to, in the webhook body shape', () => {
    const webhook = Object.values(components.webhook)[0];
    const [event] = read(webhook.codeFiles.params);
    const offered = event.options.map((option) => option.value);
    const subscribable = resolve(requestSchema(operationFor('/v1/hooks', 'post'))).properties.event
      .enum;
    assert.deepEqual([...offered, ...NOT_OFFERED].sort(), [...subscribable].sort());

    // The instant trigger's outputs: keys of any event's payload (documented as OpenAPI webhooks).
    const payloads = Object.values(openapi.webhooks).map((hook) => requestSchema(hook.post));
    const anyEvent = { properties: Object.assign({}, ...payloads.map((p) => p.properties)) };
    const trigger = Object.values(components.module).find(
      (m) => m.moduleType === 'instant_trigger',
    );
    checkInterface('instant trigger', read(trigger.codeFiles.interface), anyEvent);
    for (const key of Object.keys(read(trigger.codeFiles.samples))) {
      assert.ok(anyEvent.properties[key], `sample key ${key}`);
    }
  });
});
