/* global module */
// Stands in for @stdlib/assert-has-generator-support in the browser bundles (webpack.config.js).
// The original probes with eval, which the pages' Content-Security-Policy forbids: the probe fails,
// is caught, and still reports a CSP violation on every load. Every browser Office supports has
// function* generators, so the answer is known.
module.exports = function hasGeneratorSupport() {
  return true;
};
