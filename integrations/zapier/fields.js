'use strict';

// Zapier sends unmapped optional fields as missing or ""; Punchcard rejects unknown or empty
// values (an empty email is not an email), so only filled-in fields are sent.
const compact = (object) =>
  Object.fromEntries(
    Object.entries(object).filter(
      ([, value]) => value !== undefined && value !== null && value !== '',
    ),
  );

module.exports = { compact };
